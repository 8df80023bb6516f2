package io.lumasync.cli;

import io.lumasync.core.AdapterRegistry;
import io.lumasync.core.AdapterType;
import io.lumasync.core.LumasyncException;
import io.lumasync.sync.ConfiguredAdapter;
import io.lumasync.sync.SyncService;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** The {@code add}, {@code list} and {@code remove} subcommands every adapter family has, whatever its own details. */
final class AdapterCommands {
    private AdapterCommands() {
    }

    /** Adds an adapter of one family: its type and name, then the type's own options. */
    abstract static class Add<T extends AdapterType<?>> implements Callable<Integer>, Cli.TypeHelp {
        final CliContext ctx;
        private final String group;
        private final AdapterRegistry<T> types;

        @Parameters(index = "0", paramLabel = "TYPE", description = "The kind of place (`${COMMAND-FULL-NAME} --help` "
                + "lists the types, `${COMMAND-FULL-NAME} TYPE --help` a type's options)")
        String type;

        @Parameters(index = "1", paramLabel = "NAME", description = "Your name for it.")
        String name;

        @Unmatched
        List<String> options = new ArrayList<>();

        /** {@code group} is the command the types are listed under: "destinations", "sources". */
        Add(CliContext ctx, String group, AdapterRegistry<T> types) {
            this.ctx = ctx;
            this.group = group;
            this.types = types;
        }

        @Override
        public String typeHelp() {
            return AdapterOptions.typeHelp(group, type, types);
        }

        /**
         * The type asked for. When a password comes with it ({@code signIn}, or a secret option), a vault that would
         * forget it when the command ends is refused first, naming {@code secret} of the new adapter.
         */
        T chosenType(boolean signIn, String secret) throws LumasyncException {
            T t = types.require(type);
            if (signIn || VaultGuard.takesSecret(t.fields(), options)) {
                VaultGuard.requireDurable(ctx, secret + " of '" + name + "'");
            }
            return t;
        }
    }

    /** Reads the saved adapters of one family. */
    @FunctionalInterface
    interface Loader<T> {
        List<T> load(SyncService service) throws LumasyncException;
    }

    /** Forgets one saved adapter of a family. */
    @FunctionalInterface
    interface Remover {
        void remove(SyncService service, String name) throws LumasyncException;
    }

    /** Lists the saved adapters of one family, as lines or as JSON. */
    abstract static class ListCmd<T extends ConfiguredAdapter> implements Callable<Integer> {
        private final CliContext ctx;
        private final Loader<T> load;
        private final Function<T, String> more;
        private final Function<T, Map<String, Object>> moreJson;
        private final String none;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        /**
         * @param more     what a line says after the name, type and settings
         * @param moreJson the JSON fields after name, type and settings, in the order they are printed
         * @param none     what to print when there is nothing, with the command that adds one
         */
        ListCmd(CliContext ctx, Loader<T> load, Function<T, String> more, Function<T, Map<String, Object>> moreJson,
                String none) {
            this.ctx = ctx;
            this.load = load;
            this.more = more;
            this.moreJson = moreJson;
            this.none = none;
        }

        @Override
        public Integer call() throws Exception {
            List<T> all = load.load(ctx.service());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (T item : all) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", item.name());
                    m.put("type", item.typeId());
                    m.put("settings", item.settings());
                    m.putAll(moreJson.apply(item));
                    out.add(m);
                }
                ctx.out().println(RunOutput.json(out));
                return Cli.OK;
            }
            if (all.isEmpty()) {
                ctx.out().println(none);
            }
            for (T item : all) {
                ctx.out().println(item.name() + "  (" + item.typeId() + ")  " + item.settings() + more.apply(item));
            }
            return Cli.OK;
        }
    }

    /** Removes one saved adapter by name; what was published stays where it is. */
    abstract static class Remove implements Callable<Integer> {
        private final CliContext ctx;
        private final String family;
        private final Remover remove;

        @Parameters(paramLabel = "NAME")
        String name;

        /** {@code family} is the word in the confirmation: "destination", "source". */
        Remove(CliContext ctx, String family, Remover remove) {
            this.ctx = ctx;
            this.family = family;
            this.remove = remove;
        }

        @Override
        public Integer call() throws Exception {
            remove.remove(ctx.service(), name);
            ctx.out().println("Removed " + family + " '" + name + "'.");
            return Cli.OK;
        }
    }
}
