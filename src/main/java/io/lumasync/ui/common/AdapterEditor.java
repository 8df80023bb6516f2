package io.lumasync.ui.common;

import io.lumasync.core.AdapterType;
import io.lumasync.destination.DestinationType;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The right-hand editor of the Destinations and Sources panes: a name, a type and the type's generated form.
 * Existing adapters keep their name and type (renaming would orphan the sync map).
 */
public final class AdapterEditor {
    private final TextField name = new TextField();
    private final ComboBox<AdapterType<?>> type = new ComboBox<>();
    private final Label description = Fx.muted("");
    private final StackPane formHolder = new StackPane();
    private final VBox box;
    private final Windows windows;
    private ConfigForm form;
    private boolean editing;

    public AdapterEditor(List<? extends AdapterType<?>> types, Windows windows) {
        this.windows = windows;
        name.setId("adapter-name");
        name.setPromptText(Messages.get("common.adapter.name.prompt"));
        name.setTooltip(new Tooltip(Messages.get("common.adapter.name.tooltip")));
        type.setId("adapter-type");
        type.getItems().setAll(types);
        type.setTooltip(new Tooltip(Messages.get("common.adapter.type.tooltip")));
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(AdapterType<?> t) {
                return t == null ? "" : t.displayName();
            }

            @Override
            public AdapterType<?> fromString(String text) {
                return type.getItems().stream().filter(t -> t.displayName().equals(text)).findFirst().orElse(null);
            }
        });
        type.valueProperty().addListener((o, a, t) -> rebuild(t, Map.of()));
        GridPane head = new GridPane();
        head.setHgap(10);
        head.setVgap(8);
        Label nl = new Label(Messages.get("common.adapter.name"));
        nl.setLabelFor(name);
        Label tl = new Label(Messages.get("common.adapter.type"));
        tl.setLabelFor(type);
        head.addRow(0, nl, name);
        head.addRow(1, tl, type);
        box = new VBox(12, head, description, formHolder);
        box.setPadding(new Insets(4));
    }

    /** Settings of the family's own shown below the generated form (a source's destinations and schedule). */
    public void extras(Node extras) {
        box.getChildren().add(extras);
    }

    public Node view() {
        ScrollPane s = new ScrollPane(box);
        s.setFitToWidth(true);
        return s;
    }

    /** An empty form for a new adapter of the first type. */
    public void startNew() {
        editing = false;
        name.setText("");
        name.setDisable(false);
        type.setDisable(false);
        type.setValue(null);
        type.setValue(type.getItems().isEmpty() ? null : type.getItems().getFirst());
    }

    /** The form of an existing adapter. */
    public void edit(String adapterName, String typeId, Map<String, String> settings) {
        editing = true;
        name.setText(adapterName);
        name.setDisable(true);
        type.setDisable(true);
        AdapterType<?> t = type.getItems().stream().filter(i -> i.id().equals(typeId)).findFirst().orElse(null);
        type.setValue(null);
        type.getSelectionModel().select(t);
        rebuild(t, settings);
    }

    private void rebuild(AdapterType<?> t, Map<String, String> settings) {
        if (t == null) {
            formHolder.getChildren().clear();
            form = null;
            description.setText("");
            return;
        }
        description.setText(t.description());
        form = new ConfigForm(t instanceof DestinationType d ? d.settingsFields() : t.fields(), settings, editing,
                () -> windows.chooseFolder(Messages.get("common.chooseFolder")));
        formHolder.getChildren().setAll(form.view());
    }

    public String name() {
        return name.getText().strip();
    }

    public Optional<AdapterType<?>> type() {
        return Optional.ofNullable(type.getValue());
    }

    public Optional<ConfigForm> form() {
        return Optional.ofNullable(form);
    }

    /** What keeps the form from being saved, in plain words. */
    public List<String> problems(List<String> takenNames) {
        List<String> out = new ArrayList<>();
        if (name().isEmpty()) {
            out.add(Messages.get("common.adapter.noName"));
        } else if (!editing && takenNames.contains(name())) {
            out.add(Messages.get("common.adapter.nameTaken", name()));
        }
        if (form == null) {
            out.add(Messages.get("common.adapter.noType"));
        } else {
            out.addAll(form.problems());
        }
        return out;
    }
}
