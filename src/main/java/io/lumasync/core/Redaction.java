package io.lumasync.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for the log. Two nets: the shapes secrets travel in (Authorization values, bearer
 * and Basic credentials, {@code password=}/{@code token=}/{@code secret} parameters and JSON fields, passwords in
 * URLs), and the exact values the vault handed out or stored in this process, wherever they appear.
 * Thread-safe.
 */
public final class Redaction {
    /** What a secret is replaced with. */
    public static final String MASK = "[redacted]";
    /** Shorter values are too likely to be ordinary words to mask everywhere; the shapes still catch them. */
    private static final int MIN_KNOWN_LENGTH = 6;

    /** Longest first, so a secret that contains another is masked whole. Replaced, never changed in place. */
    private static volatile List<String> known = List.of();

    /** A parameter, header or JSON field with one of these in its name holds a secret. */
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "passphrase", "secret", "token",
            "apikey", "api_key", "api-key", "accesskey", "access_key", "access-key", "signature", "credential",
            "session", "cookie", "code_verifier");

    private static final List<Rule> RULES = List.of(
            // Authorization: Bearer x / Basic x / any scheme; also Proxy-Authorization.
            new Rule(Pattern.compile("(?i)((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)(?:[A-Za-z-]+\\s+)?[^\\s\",;}]+"),
                    m -> m.group(1) + MASK, List.of("authorization")),
            // A credential, unlike a word ("basic settings"), has a capital, digit or symbol after a small letter.
            new Rule(Pattern.compile("\\b((?i:bearer|basic|digest))(\\s+)(?=[A-Za-z0-9._~+/=-]*[a-z][A-Za-z0-9._~+/=-]*"
                    + "[A-Z0-9._~+/=-])[A-Za-z0-9._~+/=-]{4,}"), m -> m.group(1) + m.group(2) + MASK,
                    List.of("bearer", "basic", "digest")),
            // name=value, name: value, "name": "value". Every pair is matched (the name possessively, so a long
            // dotted word costs no backtracking) and only a name that sounds like a secret loses its value.
            new Rule(Pattern.compile("(?<![A-Za-z0-9_-])(\"?([A-Za-z0-9_-]{1,64}+)\"?\\s*[=:]\\s*\"?)([^\\s\"&,;}]+)"),
                    m -> isSecretName(m.group(2)) ? m.group(1) + MASK : null, SECRET_WORDS),
            // an OAuth authorization code in a redirect or token request
            new Rule(Pattern.compile("(?i)([?&]code=)[^&\\s\"]+"), m -> m.group(1) + MASK, List.of("code=")),
            // https://user:password@host
            new Rule(Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)[^/\\s@]+@"), m -> m.group(1) + MASK + "@",
                    List.of("://")));

    /**
     * A pattern and what replaces each match; null keeps a match and looks again right after its first group, so
     * a pair that is no secret (https://…) cannot hide one inside its value (…?X-Amz-Credential=…). A pattern is
     * only run on text holding one of its cheap {@code triggers} (lower case): most lines hold none.
     */
    private record Rule(Pattern pattern, Function<MatchResult, String> replacement, List<String> triggers) {
        String apply(String text, String lower) {
            if (triggers.stream().noneMatch(lower::contains)) {
                return text;
            }
            Matcher m = pattern.matcher(text);
            StringBuilder out = null;
            int copied = 0;
            int from = 0;
            while (from <= text.length() && m.find(from)) {
                String masked = replacement.apply(m);
                if (masked == null) {
                    from = m.end(1); // the first group is never empty: the search moves on
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, m.start()).append(masked);
                copied = m.end();
                from = m.end();
            }
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }
    }

    private static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(n::contains);
    }

    private Redaction() {
    }

    /** Remembers a secret value so that it is masked wherever it appears in the log from now on. */
    public static synchronized void register(String secret) {
        if (secret == null || secret.strip().length() < MIN_KNOWN_LENGTH || known.contains(secret.strip())) {
            return;
        }
        List<String> more = new ArrayList<>(known);
        more.add(secret.strip());
        more.sort(Comparator.comparingInt(String::length).reversed());
        known = List.copyOf(more);
    }

    /** The text with every secret it holds masked. */
    public static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : known) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        String lower = out.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            out = r.apply(out, lower);
        }
        return out;
    }
}
