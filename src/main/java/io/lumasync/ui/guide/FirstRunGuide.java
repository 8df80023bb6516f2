package io.lumasync.ui.guide;

import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A strip above the panes on first start: source → destination → first sync, where the user is, a button per
 * step that opens the pane doing it, and "Skip the guide". Gone for good once done or skipped.
 */
public final class FirstRunGuide {
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /** Work done in the panes shows up here without a click: cheap reads, only while the guide is shown. */
    private static final Duration RECHECK = Duration.seconds(3);

    private final GuideViewModel vm;
    private final Map<GuideViewModel.Step, Button> buttons = new EnumMap<>(GuideViewModel.Step.class);
    private final Label hint = new Label();
    private final VBox root;

    public FirstRunGuide(AppContext ctx) {
        this.vm = new GuideViewModel(ctx.services(), ctx.tasks());
        Label title = new Label(Messages.get("guide.title"));
        title.getStyleClass().add("guide-title");
        HBox steps = Fx.row(title);
        for (GuideViewModel.Step s : GuideViewModel.Step.values()) {
            Button b = Fx.button("guide-" + s.name().toLowerCase(java.util.Locale.ROOT), label(s), tooltip(s),
                    () -> ctx.windows().showPage(page(s)));
            b.getStyleClass().add("guide-step");
            buttons.put(s, b);
            if (s != GuideViewModel.Step.SOURCE) {
                Label arrow = new Label("→");
                arrow.getStyleClass().add("text-muted");
                steps.getChildren().add(arrow);
            }
            steps.getChildren().add(b);
        }
        Button skip = Fx.button("guide-skip", Messages.get("guide.skip"), Messages.get("guide.skip.tooltip"),
                vm::skip);
        skip.getStyleClass().add("flat");
        steps.getChildren().addAll(Fx.spacer(), skip);
        hint.setId("guide-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("help-text");
        root = new VBox(6, steps, hint);
        root.setId("first-run-guide");
        root.getStyleClass().add("guide");
        root.visibleProperty().bind(vm.showing);
        root.managedProperty().bind(vm.showing);
        vm.done.addListener((o, a, b) -> update());
        vm.current.addListener((o, a, b) -> update());
        update();
        Timeline recheck = new Timeline(new KeyFrame(RECHECK, e -> vm.refresh()));
        recheck.setCycleCount(Timeline.INDEFINITE);
        vm.showing.addListener((o, was, now) -> {
            if (now) {
                recheck.play();
            } else {
                recheck.stop();
            }
        });
        vm.refresh();
    }

    private void update() {
        Optional<GuideViewModel.Step> current = vm.current.get();
        for (var e : buttons.entrySet()) {
            GuideViewModel.Step s = e.getKey();
            boolean done = vm.done.get().contains(s);
            boolean now = current.filter(s::equals).isPresent();
            Button b = e.getValue();
            b.pseudoClassStateChanged(DONE, done);
            b.pseudoClassStateChanged(CURRENT, now);
            b.setText((done ? "✓ " : "") + label(s));
            b.setAccessibleText(Messages.get("guide.step.accessible", s.ordinal() + 1,
                    Messages.get(done ? "guide.step.done" : now ? "guide.step.next" : "guide.step.todo"), label(s),
                    tooltip(s)));
        }
        hint.setText(current.map(FirstRunGuide::hint).orElse(Messages.get("guide.allSet")));
    }

    /** Reads again where the user is (the shell calls it when the pane changes). */
    public void refresh() {
        vm.refresh();
    }

    public Node view() {
        return root;
    }

    GuideViewModel viewModel() {
        return vm;
    }

    private static String label(GuideViewModel.Step s) {
        return switch (s) {
            case SOURCE -> Messages.get("guide.source");
            case DESTINATION -> Messages.get("guide.destination");
            case SYNC -> Messages.get("guide.sync");
        };
    }

    private static String tooltip(GuideViewModel.Step s) {
        return switch (s) {
            case SOURCE -> Messages.get("guide.source.tooltip");
            case DESTINATION -> Messages.get("guide.destination.tooltip");
            case SYNC -> Messages.get("guide.sync.tooltip");
        };
    }

    private static String hint(GuideViewModel.Step s) {
        return switch (s) {
            case SOURCE -> Messages.get("guide.source.hint");
            case DESTINATION -> Messages.get("guide.destination.hint");
            case SYNC -> Messages.get("guide.sync.hint");
        };
    }

    private static String page(GuideViewModel.Step s) {
        return switch (s) {
            case SOURCE -> "sources";
            case DESTINATION -> "destinations";
            case SYNC -> "browse";
        };
    }
}
