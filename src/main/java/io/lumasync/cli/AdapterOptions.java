package io.lumasync.cli;

import io.lumasync.core.AdapterRegistry;
import io.lumasync.core.AdapterType;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns `--some-field value` options into an adapter's field values, from its {@link ConfigField}s, so a new
 * adapter needs no CLI code. Secrets are never taken from the command line (it lands in shell history and
 * process lists): they come from a prompt, or from standard input with {@code --password-stdin} /
 * {@code --secret-stdin} / {@code --token-stdin}.
 */
final class AdapterOptions {
    private AdapterOptions() {
    }

    static Map<String, String> parse(String typeName, List<ConfigField> fields, List<String> args, CliContext ctx)
            throws ConfigurationException {
        return parse(typeName, fields, args, ctx, true);
    }

    /** With {@code askSecrets} false, missing secrets stay missing (a browser sign-in will provide them). */
    static Map<String, String> parse(String typeName, List<ConfigField> fields, List<String> args, CliContext ctx,
                                     boolean askSecrets) throws ConfigurationException {
        Map<String, String> values = new HashMap<>();
        boolean secretFromStdin = false;
        Set<String> stdinKeys = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new ConfigurationException("Unexpected argument '" + a + "'. " + help(typeName, fields));
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.endsWith("-stdin")) {
                secretFromStdin = true;
                stdinKeys.add(name.substring(0, name.length() - "-stdin".length()).replace('-', '_'));
                continue;
            }
            String key = name.replace('-', '_').toLowerCase(Locale.ROOT);
            ConfigField f = fields.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() ->
                    new ConfigurationException("Unknown option '" + a + "' for a " + typeName + " destination or source. "
                            + help(typeName, fields)));
            if (f.isSecret()) {
                throw new ConfigurationException("For safety, '" + a + "' is not taken on the command line: "
                        + "type it at the prompt, or pipe it in with --" + name + "-stdin.");
            }
            if (value == null) {
                boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
                if (f.kind() == ConfigField.Kind.BOOLEAN && !hasValue) {
                    value = "true";
                } else if (hasValue) {
                    value = args.get(++i);
                } else {
                    throw new ConfigurationException("'" + a + "' needs a value.");
                }
            }
            values.put(key, value);
        }
        // A --x-stdin flag naming a secret field reads that field; any other --…-stdin flag (e.g. --password-stdin)
        // reads the required secrets, in field order, one line each. Optional secrets need their own flag.
        Set<String> secretKeys = new HashSet<>();
        fields.stream().filter(ConfigField::isSecret).forEach(f -> secretKeys.add(f.key()));
        boolean named = stdinKeys.stream().anyMatch(secretKeys::contains);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
        for (ConfigField f : fields) {
            if (!f.isSecret() || values.containsKey(f.key()) || !askSecrets) {
                continue;
            }
            boolean fromStdin = stdinKeys.contains(f.key()) || (secretFromStdin && !named && f.required());
            if (f.required() || fromStdin) {
                values.put(f.key(), secret(f, fromStdin, stdin, ctx));
            }
        }
        return values;
    }

    private static String secret(ConfigField f, boolean fromStdin, BufferedReader stdin, CliContext ctx)
            throws ConfigurationException {
        if (fromStdin) {
            try {
                String line = stdin.readLine();
                if (line == null || line.isBlank()) {
                    throw new ConfigurationException("Expected " + f.label() + " on standard input, got nothing.");
                }
                return line.strip();
            } catch (IOException e) {
                throw new ConfigurationException("Could not read " + f.label() + " from standard input: " + e.getMessage());
            }
        }
        if (f.key().equals("secret")) {
            // A signing secret the user does not have yet: make a strong one and show it once.
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            String s = "whsec_" + Base64.getEncoder().encodeToString(raw);
            ctx.out().println("Signing secret (shown once; give it to the receiving end): " + s);
            return s;
        }
        Console console = System.console();
        if (console != null && ctx.interactive()) {
            char[] typed = console.readPassword("%s: ", f.label());
            if (typed != null && typed.length > 0) {
                return new String(typed);
            }
        }
        throw new ConfigurationException(f.label() + " is needed: type it at the prompt, or pipe it in with --"
                + f.key().replace('_', '-') + "-stdin.");
    }

    /** What {@code destinations|sources add [TYPE] --help} adds below the command's own usage. */
    static String typeHelp(String group, String type, AdapterRegistry<?> types) {
        Optional<? extends AdapterType<?>> named = types.byId(type == null ? "" : type);
        if (named.isPresent()) {
            return help(named.get().displayName(), named.get().fields());
        }
        String known = "Types: " + String.join(", ", types.ids()) + ". Options of one type: lumasync " + group
                + " add TYPE --help";
        return type == null ? known : "Unknown type '" + type + "'. " + known;
    }

    static String help(String typeName, List<ConfigField> fields) {
        StringBuilder b = new StringBuilder("Options for " + typeName + ":");
        for (ConfigField f : fields) {
            b.append("\n  --").append(f.key().replace('_', '-'));
            if (f.isSecret()) {
                b.append("-stdin  (read from standard input)");
            } else if (f.kind() != ConfigField.Kind.BOOLEAN) {
                b.append(" VALUE");
            }
            b.append("  ").append(f.label()).append(f.required() ? " (required)" : "")
                    .append(f.help().isEmpty() ? "" : ": " + f.help());
        }
        return b.toString();
    }
}
