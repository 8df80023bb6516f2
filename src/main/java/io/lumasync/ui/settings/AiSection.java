package io.lumasync.ui.settings;

import io.lumasync.ui.common.Fx;
import io.lumasync.ui.common.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/** Adds the AI rows to the Settings grid: service, model, language, budget and spending, API key, Save. */
final class AiSection {
    private AiSection() {
    }

    /** Adds the rows from {@code row} on. */
    static void addTo(GridPane g, int row, AiSettingsViewModel vm) {
        int r = row;
        ToggleGroup service = new ToggleGroup();
        RadioButton openRouter = new RadioButton(Messages.get("settings.ai.openRouter"));
        openRouter.setId("settings-ai-openrouter");
        openRouter.setToggleGroup(service);
        RadioButton local = new RadioButton(Messages.get("settings.ai.local"));
        local.setId("settings-ai-local");
        local.setToggleGroup(service);
        local.selectedProperty().bindBidirectional(vm.local);
        openRouter.setSelected(!vm.local.get());
        vm.local.addListener((o, a, b) -> openRouter.setSelected(!b));
        TextField url = field("settings-ai-endpoint", Messages.get("settings.ai.endpoint.tooltip"));
        url.setPrefColumnCount(20);
        url.textProperty().bindBidirectional(vm.localUrl);
        url.disableProperty().bind(vm.local.not());
        TextField model = field("settings-ai-model", Messages.get("settings.ai.model.tooltip"));
        model.textProperty().bindBidirectional(vm.model);
        TextField language = field("settings-ai-language", Messages.get("settings.ai.language.tooltip"));
        language.setPrefColumnCount(6);
        language.textProperty().bindBidirectional(vm.language);
        TextField budget = field("settings-ai-budget", Messages.get("settings.ai.budget.tooltip"));
        budget.setPrefColumnCount(6);
        budget.textProperty().bindBidirectional(vm.budget);
        Label spent = new Label();
        spent.setId("settings-ai-spent");
        spent.textProperty().bind(vm.spent);
        PasswordField key = new PasswordField();
        key.setId("settings-ai-key");
        key.setPromptText(Messages.get("settings.ai.key.prompt"));
        key.setTooltip(new Tooltip(Messages.get("settings.ai.key.tooltip")));
        key.textProperty().bindBidirectional(vm.key);
        Button saveKey = Fx.button("settings-ai-save-key", Messages.get("settings.ai.saveKey"),
                Messages.get("settings.ai.saveKey.tooltip"), vm::saveKey);
        Button forget = Fx.button("settings-ai-forget-key", Messages.get("settings.ai.forgetKey"),
                Messages.get("settings.ai.forgetKey.tooltip"), vm::forgetKey);
        Label keyState = new Label();
        keyState.setId("settings-ai-key-state");
        keyState.textProperty().bind(vm.keyState);
        Button save = Fx.button("settings-ai-save", Messages.get("settings.ai.save"),
                Messages.get("settings.ai.save.tooltip"), vm::save);
        Label message = new Label();
        message.setId("settings-ai-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.message);

        g.addRow(r++, new Label(Messages.get("settings.ai.service")), Fx.row(openRouter, local, url));
        g.addRow(r++, new Label(Messages.get("settings.ai.model")), model);
        g.addRow(r++, new Label(Messages.get("settings.ai.language")), language);
        g.addRow(r++, new Label(Messages.get("settings.ai.budget")), Fx.row(budget, spent));
        g.addRow(r++, new Label(Messages.get("settings.ai.key")), Fx.row(key, saveKey, forget));
        g.add(keyState, 1, r++);
        g.add(Fx.row(save, message), 1, r);
    }

    private static TextField field(String id, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setTooltip(new Tooltip(tip));
        return f;
    }
}
