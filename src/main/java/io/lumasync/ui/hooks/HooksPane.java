package io.lumasync.ui.hooks;

import io.lumasync.store.HookDelivery;
import io.lumasync.store.HookRecord;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.FramedPane;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Texts;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/** Hooks: web addresses that receive signed events, the delivery log with Resend, and desktop notifications. */
public final class HooksPane extends FramedPane {
    private final HooksViewModel vm;

    public HooksPane(AppContext ctx) {
        vm = new HooksViewModel(ctx.services(), ctx.tasks());
        TextField name = text("hooks-name", vm.name, Messages.get("hooks.name.prompt"), 10);
        TextField url = text("hooks-url", vm.url, "https://crm.example.com/lumasync", 30);
        TextField secret = text("hooks-secret", vm.secret, Messages.get("hooks.secret.prompt"), 30);
        secret.setEditable(false);
        VBox add = new VBox(8, Fx.row(name, url, Fx.button("hooks-add", Messages.get("hooks.add"),
                Messages.get("hooks.add.tooltip"), vm::add)), checks("hooks-event-", vm.events),
                Fx.row(Fx.muted(Messages.get("hooks.secret")), secret));

        TableView<HookRecord> hooks = new TableView<>(vm.hooks);
        hooks.setId("hooks-table");
        hooks.getColumns().addAll(List.of(
                Fx.column(Messages.get("hooks.column.name"), HookRecord::name, 110),
                Fx.column(Messages.get("hooks.column.url"), HookRecord::url, 260),
                Fx.column(Messages.get("hooks.column.events"), h -> h.events().isEmpty() ? Messages.get("hooks.allEvents")
                        : String.join(", ", h.events()), 220),
                Fx.column(Messages.get("hooks.column.state"),
                        h -> h.enabled() ? Messages.get("hooks.on") : Messages.get("hooks.off"), 60)));
        hooks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        hooks.setPlaceholder(Fx.emptyState("hooks-empty", Messages.get("hooks.empty.title"),
                Messages.get("hooks.empty.text")));
        VBox hookBox = new VBox(6, Fx.row(
                Fx.button("hooks-toggle", Messages.get("hooks.toggle"), Messages.get("hooks.toggle.tooltip"),
                        () -> selected(hooks).ifPresent(vm::toggle)),
                Fx.button("hooks-remove", Messages.get("hooks.remove"), Messages.get("hooks.remove.tooltip"),
                        () -> selected(hooks).ifPresent(vm::remove))), hooks);

        TableView<HookDelivery> log = new TableView<>(vm.deliveries);
        log.setId("hooks-deliveries");
        log.getColumns().addAll(List.of(
                Fx.column(Messages.get("hooks.column.time"), d -> Texts.time(d.createdAt()), 140),
                Fx.column(Messages.get("hooks.column.name"), HookDelivery::hook, 90),
                Fx.column(Messages.get("hooks.column.event"), HookDelivery::event, 130),
                Fx.column(Messages.get("hooks.column.state"), HookDelivery::state, 80),
                Fx.column(Messages.get("hooks.column.attempts"), d -> Integer.toString(d.attempts()), 60),
                Fx.column(Messages.get("hooks.column.status"), d -> d.lastStatus() > 0 ? Integer.toString(d.lastStatus())
                        : "", 60),
                Fx.column(Messages.get("hooks.column.response"), HookDelivery::lastResponse, 240)));
        log.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        log.setPlaceholder(Fx.muted(Messages.get("hooks.noDeliveries")));
        VBox logBox = new VBox(6, Fx.row(Fx.muted(Messages.get("hooks.log")), Fx.spacer(),
                Fx.button("hooks-resend", Messages.get("hooks.resend"), Messages.get("hooks.resend.tooltip"),
                        () -> selected(log).ifPresent(vm::resend)),
                Fx.button("hooks-refresh", Messages.get("hooks.refresh"), Messages.get("hooks.refresh.tooltip"),
                        vm::refresh)), log);

        TitledPane notices = new TitledPane(Messages.get("hooks.notices"), new VBox(6,
                Fx.muted(Messages.get("hooks.notices.help")), checks("hooks-notice-", vm.notices)));
        notices.setId("hooks-notices");
        notices.setExpanded(false);
        SplitPane split = new SplitPane(hookBox, logBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        frame(new VBox(10, Fx.title(Messages.get("hooks.title")), add, notices), split,
                Fx.status("hooks-message", vm.message), new Insets(10, 0, 6, 0));
    }

    private static <T> java.util.Optional<T> selected(TableView<T> t) {
        return java.util.Optional.ofNullable(t.getSelectionModel().getSelectedItem());
    }

    private static FlowPane checks(String idPrefix, Map<String, BooleanProperty> props) {
        FlowPane p = new FlowPane(10, 6);
        props.forEach((e, prop) -> {
            CheckBox b = new CheckBox(e);
            b.setId(idPrefix + e);
            b.selectedProperty().bindBidirectional(prop);
            p.getChildren().add(b);
        });
        return p;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p, String prompt, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    HooksViewModel viewModel() {
        return vm;
    }
}
