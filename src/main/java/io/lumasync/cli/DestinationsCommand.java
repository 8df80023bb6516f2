package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.CompanionFile;
import io.lumasync.destination.DestinationType;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.sync.DestinationInfo;
import io.lumasync.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "destinations", description = "Add, list, test and remove destinations.",
        subcommands = {DestinationsCommand.Add.class, DestinationsCommand.ListCmd.class,
                DestinationsCommand.Test.class, DestinationsCommand.Remove.class, DestinationsCommand.Companion.class})
final class DestinationsCommand {

    @Command(name = "add", description = "Add a destination: add TYPE NAME --option value… "
            + "(e.g. add folder web --path ~/web; add wordpress blog --url https://… --user me).")
    static final class Add extends AdapterCommands.Add<DestinationType> {
        @Option(names = "--connect", description = "Sign in on the destination's own page in "
                + "your browser (WordPress: Authorize application) instead of typing a password.")
        boolean connect;

        Add(CliContext ctx) {
            super(ctx, "destinations", DestinationTypes.registry());
        }

        @Override
        public Integer call() throws Exception {
            DestinationType t = chosenType(connect, "the password or key");
            Map<String, String> values;
            if (connect) {
                if (!t.canConnectInBrowser()) {
                    throw new ConfigurationException(t.displayName() + " has no sign-in page: leave out --connect.");
                }
                Map<String, String> known = AdapterOptions.parse(t.displayName(), t.settingsFields(), options, ctx, false);
                ctx.out().println("Opening your browser: approve Lumasync there. Waiting up to 5 minutes…");
                ctx.out().flush();
                values = new java.util.HashMap<>(known);
                values.putAll(t.connectInBrowser(known, LoginCommand.browser(ctx), java.time.Duration.ofMinutes(5)));
            } else {
                values = AdapterOptions.parse(t.displayName(), t.settingsFields(), options, ctx);
            }
            ctx.service().addDestination(name, type, values);
            ctx.out().println("Added " + t.displayName() + " destination '" + name
                    + "'. Check it with: lumasync destinations test " + name);
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List destinations.")
    static final class ListCmd extends AdapterCommands.ListCmd<DestinationInfo> {
        ListCmd(CliContext ctx) {
            super(ctx, SyncService::destinations,
                    d -> "  " + d.assets() + " images, " + d.status() + d.lastError().map(e -> ": " + e).orElse(""),
                    ListCmd::json, "No destinations. Add one: lumasync destinations add folder NAME --path DIR");
        }

        private static Map<String, Object> json(DestinationInfo d) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", d.status());
            m.put("lastError", d.lastError().orElse(null));
            m.put("assets", d.assets());
            return m;
        }
    }

    @Command(name = "test", description = "Contact a destination and show what it accepts.")
    static final class Test implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME")
        String name;

        Test(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Capabilities c = ctx.service().testDestination(name);
            ctx.out().println(name + ": OK");
            ctx.out().println("  formats accepted: " + c.formats());
            ctx.out().println("  largest upload:   " + (c.maxUploadBytes() > 0
                    ? io.lumasync.sync.Sizes.human(c.maxUploadBytes()) : "no limit known"));
            ctx.out().println("  updates:          " + c.replace());
            c.notes().forEach(n -> ctx.out().println("  " + n));
            return Cli.OK;
        }
    }

    @Command(name = "remove", description = "Remove a destination and its saved passwords (published files stay).")
    static final class Remove extends AdapterCommands.Remove {
        Remove(CliContext ctx) {
            super(ctx, "destination", SyncService::removeDestination);
        }
    }

    @Command(name = "companion", description = "Save the file to install on a destination's side, for the types "
            + "that have one (wordpress: the companion plugin that replaces images in place), and say how to install it.")
    static final class Companion implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "TYPE")
        String type;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder to save it in (default: the current folder).")
        java.nio.file.Path out = java.nio.file.Path.of(".");

        Companion(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            DestinationType t = DestinationTypes.registry().require(type);
            CompanionFile saved = t.saveCompanion(out).orElseThrow(() -> new ConfigurationException(
                    t.displayName() + " destinations need nothing installed on their side."));
            ctx.out().println("Saved " + saved.file().toAbsolutePath() + ". " + saved.install());
            return Cli.OK;
        }
    }
}
