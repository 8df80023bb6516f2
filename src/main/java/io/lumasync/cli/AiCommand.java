package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.sync.AiSettings;
import io.lumasync.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "ai", description = "The AI service for alt text and generated images: OpenRouter, or a local "
        + "OpenAI-compatible server (Ollama, LM Studio) so nothing leaves this computer.",
        subcommands = {AiCommand.Key.class, AiCommand.SetCmd.class, AiCommand.Status.class, AiCommand.Models.class})
final class AiCommand {

    @Command(name = "key", description = "Save the API key in the vault (typed at the prompt or piped in with "
            + "--stdin); --forget removes it.")
    static final class Key implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--stdin", description = "Read the key from standard input.")
        boolean stdin;

        @Option(names = "--forget", description = "Remove the saved key.")
        boolean forget;

        Key(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            AiSettings ai = ctx.service().ai();
            if (forget) {
                ai.setApiKey("");
                ctx.out().println("The AI API key is forgotten.");
                return Cli.OK;
            }
            String key = "";
            if (stdin) {
                key = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
            } else {
                Console console = System.console();
                if (console != null && ctx.interactive()) {
                    char[] typed = console.readPassword("API key: ");
                    key = typed == null ? "" : new String(typed);
                }
            }
            if (key == null || key.isBlank()) {
                throw new ConfigurationException("No key given: type it at the prompt, or pipe it in with --stdin.");
            }
            ai.setApiKey(key);
            ctx.out().println("Saved the API key in " + ctx.service().vaultBackend() + ".");
            return Cli.OK;
        }
    }

    @Command(name = "set", description = "Choose the service address, the models and the monthly budget.")
    static final class SetCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--endpoint", paramLabel = "URL", description = "The OpenAI-compatible base address "
                + "(default https://openrouter.ai/api/v1; Ollama: http://127.0.0.1:11434/v1).")
        String endpoint;

        @Option(names = "--alt-model", paramLabel = "ID", description = "The vision model that writes alt text.")
        String altModel;

        @Option(names = "--image-model", paramLabel = "ID", description = "The model that generates images.")
        String imageModel;

        @Option(names = "--budget", paramLabel = "USD", description = "What AI calls may cost per month; 0 stops "
                + "every paid call.")
        Double budget;

        SetCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            ctx.service().ai().configure(Optional.ofNullable(endpoint), Optional.ofNullable(altModel),
                    Optional.ofNullable(imageModel), Optional.ofNullable(budget));
            return new Status(ctx).call();
        }
    }

    @Command(name = "status", description = "Show the AI settings and this month's spending.")
    static final class Status implements Callable<Integer> {
        private final CliContext ctx;

        Status(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            SyncService s = ctx.service();
            AiSettings ai = s.ai();
            ctx.out().println("Service:     " + ai.endpoint() + (ai.hasApiKey() ? " (API key saved)" : " (no API key)"));
            ctx.out().println("Alt text:    " + ai.altModel());
            ctx.out().println("Images:      " + ai.imageModel());
            ctx.out().println(String.format(Locale.ROOT, "This month:  $%.4f of $%.2f", s.aiSpentThisMonth(),
                    ai.monthlyBudget()));
            return Cli.OK;
        }
    }

    @Command(name = "models", description = "List the service's models that see or make images, with prices.")
    static final class Models implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--images", description = "Only models that make images.")
        boolean images;

        Models(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            var models = ctx.service().ai().open().models();
            int shown = 0;
            for (var m : models) {
                if (images ? !m.makesImages() : !m.seesImages()) {
                    continue;
                }
                shown++;
                ctx.out().println(String.format(Locale.ROOT, "%-48s $%.2f / M input tokens, $%.2f / M output tokens%s",
                        m.id(), m.promptPerToken() * 1e6, m.completionPerToken() * 1e6,
                        m.perImage() > 0 ? String.format(Locale.ROOT, ", $%.4f per image", m.perImage()) : ""));
            }
            if (shown == 0) {
                ctx.out().println("The service lists no model that " + (images ? "makes" : "sees") + " images.");
            }
            return Cli.OK;
        }
    }
}
