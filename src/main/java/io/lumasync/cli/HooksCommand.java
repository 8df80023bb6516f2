package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;
import io.lumasync.store.HookDelivery;
import io.lumasync.sync.Notifications;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "hooks", description = "Send signed events (asset.synced, sync.completed, …) to your own web addresses.",
        subcommands = {HooksCommand.Add.class, HooksCommand.ListCmd.class, HooksCommand.Remove.class,
                HooksCommand.Enable.class, HooksCommand.Disable.class, HooksCommand.Deliveries.class,
                HooksCommand.Resend.class, HooksCommand.Events.class})
final class HooksCommand {
    private HooksCommand() {
    }

    @Command(name = "add", description = "Add a hook: add NAME URL [--events a,b] (an https:// address, or http:// on "
            + "this computer). Standard Webhooks signing makes a secret and shows it once.")
    static final class Add implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "URL")
        String url;

        @Option(names = "--events", split = ",", paramLabel = "EVENT", description = "The events to send (default: all). "
                + "See `lumasync hooks events`.")
        List<String> events = List.of();

        @Option(names = "--signing", paramLabel = "SCHEME", description = "standard-webhooks (default) or "
                + "hmac-sha256-hex (hex HMAC-SHA256 of the body after sha256=, for receivers built for that).")
        String signing = Notifications.STANDARD;

        @Option(names = "--signature-header", paramLabel = "HEADER", description = "With hmac-sha256-hex: the header "
                + "holding the signature (default X-Signature-256).")
        String signatureHeader = "";

        @Option(names = "--secret-stdin", description = "Read the signing secret from standard input (needed for "
                + "hmac-sha256-hex; with standard-webhooks a whsec_ secret you already have).")
        boolean secretStdin;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            String secret = "";
            if (secretStdin) {
                String line = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
                secret = line == null ? "" : line.strip();
            } else if (Notifications.HEX.equals(signing)) {
                throw new ConfigurationException("hmac-sha256-hex signs with the secret your receiver knows: pipe it "
                        + "in with --secret-stdin.");
            }
            String used = ctx.service().notifications().addHook(name, url, events, signing, signatureHeader, secret);
            ctx.out().println("Added the hook '" + name + "' → " + url);
            if (!secretStdin) {
                ctx.out().println("Its signing secret (shown once; give it to the receiver): " + used);
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List hooks.")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return Listing.print(ctx, json, ctx.service().notifications().hooks(), h -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", h.name());
                m.put("url", h.url());
                m.put("events", h.events().isEmpty() ? Notifications.EVENTS : h.events());
                m.put("signing", h.signing());
                m.put("enabled", h.enabled());
                return m;
            }, h -> List.of(h.name() + "  " + h.url() + "  " + (h.enabled() ? "on" : "off") + "  "
                    + (h.events().isEmpty() ? "all events" : String.join(", ", h.events())) + "  (" + h.signing() + ")"),
                    "No hooks. Add one: lumasync hooks add NAME https://…");
        }
    }

    @Command(name = "remove", description = "Remove a hook, its secret and its delivery log.")
    static final class Remove extends Named {
        Remove(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws Exception {
            ctx.service().notifications().removeHook(name);
            ctx.out().println("Removed the hook '" + name + "'.");
            return Cli.OK;
        }
    }

    @Command(name = "enable", description = "Send events to a hook again.")
    static final class Enable extends Named {
        Enable(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws Exception {
            ctx.service().notifications().enableHook(name, true);
            ctx.out().println("The hook '" + name + "' is on.");
            return Cli.OK;
        }
    }

    @Command(name = "disable", description = "Stop sending events to a hook (queued ones wait).")
    static final class Disable extends Named {
        Disable(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws Exception {
            ctx.service().notifications().enableHook(name, false);
            ctx.out().println("The hook '" + name + "' is off; its queued events wait until it is on again.");
            return Cli.OK;
        }
    }

    /** A subcommand that takes one hook name. */
    abstract static class Named implements Callable<Integer> {
        final CliContext ctx;

        @Parameters(paramLabel = "NAME")
        String name;

        Named(CliContext ctx) {
            this.ctx = ctx;
        }
    }

    @Command(name = "deliveries", description = "The delivery log, newest first: status, attempts and the answer.")
    static final class Deliveries implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this hook's.")
        String name;

        @Option(names = "--limit", description = "At most this many (default 50).")
        int limit = 50;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Deliveries(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<HookDelivery> log = ctx.service().notifications().deliveries(Optional.ofNullable(name),
                    Math.max(1, Math.min(limit, 10_000)));
            return Listing.print(ctx, json, log, d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", d.id());
                m.put("hook", d.hook());
                m.put("event", d.event());
                m.put("eventId", d.eventId());
                m.put("state", d.state());
                m.put("attempts", d.attempts());
                m.put("status", d.lastStatus());
                m.put("response", d.lastResponse());
                m.put("created", d.createdAt().toString());
                return m;
            }, d -> List.of("#" + d.id() + "  " + d.createdAt() + "  " + d.hook() + "  " + d.event() + "  " + d.state()
                    + (d.attempts() > 0 ? " after " + d.attempts() + " attempt(s), "
                    + (d.lastStatus() > 0 ? "HTTP " + d.lastStatus() : "no answer") : "")
                    + (d.lastResponse().isEmpty() ? "" : ": " + d.lastResponse())), "No deliveries yet.");
        }
    }

    @Command(name = "resend", description = "Send a delivery again (its number from `lumasync hooks deliveries`).")
    static final class Resend implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "ID")
        long id;

        Resend(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            ctx.service().notifications().resend(id);
            ctx.out().println("Delivery #" + id + " is queued again. A running Lumasync app or daemon sends it; "
                    + "see `lumasync hooks deliveries`.");
            return Cli.OK;
        }
    }

    @Command(name = "events", description = "List the events a hook can receive.")
    static final class Events implements Callable<Integer> {
        private final CliContext ctx;

        Events(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Notifications.EVENTS.forEach(ctx.out()::println);
            return Cli.OK;
        }
    }
}
