package io.lumasync.ui.common;

import io.lumasync.core.ConfigField;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A settings form built from an adapter's {@link ConfigField}s, so a new adapter needs no UI code. SECRET fields
 * are password fields whose text goes only to {@link #secrets()} (and from there to the vault); when editing,
 * a blank secret keeps the stored one.
 */
public final class ConfigForm {
    private final GridPane grid = new GridPane();
    private final Map<ConfigField, Control> inputs = new LinkedHashMap<>();
    private final boolean editing;

    /**
     * @param fields      the descriptor's fields
     * @param existing    saved non-secret values (empty for a new adapter)
     * @param editing     whether secrets may stay blank (kept from the vault)
     * @param folderPicker asks the user for a folder (PATH fields); empty when cancelled
     */
    public ConfigForm(List<ConfigField> fields, Map<String, String> existing, boolean editing,
                      Supplier<Optional<Path>> folderPicker) {
        this.editing = editing;
        grid.getStyleClass().add("config-form");
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (ConfigField f : fields) {
            String value = existing.getOrDefault(f.key(), f.defaultValue());
            Control input = inputFor(f, value);
            input.setId("field-" + f.key());
            if (!f.help().isBlank()) {
                input.setTooltip(new Tooltip(f.help()));
            }
            inputs.put(f, input);
            Label label = new Label(f.label() + (f.required() ? " *" : ""));
            label.setLabelFor(input);
            Node cell = input;
            if (f.kind() == ConfigField.Kind.PATH) {
                Button browse = new Button(Messages.get("common.browseFolder"));
                browse.setTooltip(new Tooltip(Messages.get("common.chooseFolder")));
                browse.setOnAction(e -> folderPicker.get().ifPresent(p -> ((TextField) input).setText(p.toString())));
                HBox box = new HBox(6, input, browse);
                HBox.setHgrow(input, Priority.ALWAYS);
                cell = box;
            }
            grid.addRow(row, label, cell);
            if (!f.help().isBlank()) {
                Label help = new Label(f.help());
                help.getStyleClass().add("help-text");
                help.setWrapText(true);
                grid.add(help, 1, ++row);
            }
            row++;
        }
    }

    private Control inputFor(ConfigField f, String value) {
        return switch (f.kind()) {
            case SECRET -> {
                PasswordField p = new PasswordField();
                p.setPromptText(Messages.get(editing ? "common.secret.stored" : "common.secret.new"));
                yield p;
            }
            case BOOLEAN -> {
                CheckBox c = new CheckBox();
                c.setSelected(Boolean.parseBoolean(value));
                yield c;
            }
            case CHOICE -> {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(f.choices());
                c.setValue(value.isBlank() && !f.choices().isEmpty() ? f.choices().getFirst() : value);
                yield c;
            }
            default -> {
                TextField t = new TextField(value);
                if (f.kind() == ConfigField.Kind.URL) {
                    t.setPromptText("https://…");
                }
                yield t;
            }
        };
    }

    public GridPane view() {
        return grid;
    }

    /** Non-secret values, for the database. */
    public Map<String, String> settings() {
        return collect(f -> !f.isSecret());
    }

    /** Secret values typed in this form (blank ones left out). */
    public Map<String, String> secrets() {
        return collect(ConfigField::isSecret);
    }

    private Map<String, String> collect(Function<ConfigField, Boolean> which) {
        Map<String, String> out = new LinkedHashMap<>();
        inputs.forEach((f, c) -> {
            if (which.apply(f)) {
                String v = valueOf(c).strip();
                if (!(f.isSecret() && v.isEmpty())) {
                    out.put(f.key(), v);
                }
            }
        });
        return out;
    }

    /** Plain words naming what is missing or wrong; empty when the form can be saved. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        inputs.forEach((f, c) -> {
            String v = valueOf(c).strip();
            if (f.required() && v.isEmpty() && !(f.isSecret() && editing)) {
                out.add(Messages.get("common.form.missing", f.label()));
            } else if (f.kind() == ConfigField.Kind.URL && !v.isEmpty()
                    && !(v.startsWith("https://") || v.startsWith("http://"))) {
                out.add(Messages.get("common.form.notHttps", f.label()));
            } else {
                f.problem(v).ifPresent(p -> out.add(Messages.get("common.form.problem", f.label(), p)));
            }
        });
        return out;
    }

    /** Sets a field by key, as a user would type it (tests and presets). */
    public void set(String key, String value) {
        inputs.forEach((f, c) -> {
            if (f.key().equals(key)) {
                switch (c) {
                    case TextInputControl t -> t.setText(value);
                    case CheckBox b -> b.setSelected(Boolean.parseBoolean(value));
                    case ComboBox<?> box -> setCombo(box, value);
                    default -> throw new IllegalStateException("Unknown input for " + key);
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void setCombo(ComboBox<?> box, String value) {
        ((ComboBox<String>) box).setValue(value);
    }

    private static String valueOf(Control c) {
        return switch (c) {
            case TextInputControl t -> t.getText() == null ? "" : t.getText();
            case CheckBox b -> Boolean.toString(b.isSelected());
            case ComboBox<?> box -> box.getValue() == null ? "" : box.getValue().toString();
            default -> "";
        };
    }
}
