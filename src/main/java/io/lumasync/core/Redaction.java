package io.lumasync.core;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private static final String SECRET_NAME = "[A-Za-z0-9_.-]*(?:password|passwd|passphrase|secret|token|api[_-]?key"
            + "|apikey|access[_-]?key|signature|credential|session|cookie|code_verifier)[A-Za-z0-9_.-]*";
    private static final List<Rule> RULES = List.of(
            // Authorization: Bearer x / Basic x / any scheme; also Proxy-Authorization and X-Api-Key style headers.
            new Rule(Pattern.compile("(?i)((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)(?:[A-Za-z-]+\\s+)?[^\\s\",;}]+"),
                    "$1" + MASK),
            // A credential, unlike a word ("basic settings"), has a capital, digit or symbol after a small letter.
            new Rule(Pattern.compile("\\b((?i:bearer|basic|digest))(\\s+)(?=[A-Za-z0-9._~+/=-]*[a-z][A-Za-z0-9._~+/=-]*"
                    + "[A-Z0-9._~+/=-])[A-Za-z0-9._~+/=-]{4,}"), "$1$2" + MASK),
            // name=value, name: value, "name": "value" for any name that sounds like a secret.
            new Rule(Pattern.compile("(?i)(\"?\\b" + SECRET_NAME + "\"?\\s*[=:]\\s*\"?)[^\\s\"&,;}]+"), "$1" + MASK),
            // an OAuth authorization code in a redirect or token request
            new Rule(Pattern.compile("(?i)([?&]code=)[^&\\s\"]+"), "$1" + MASK),
            // https://user:password@host
            new Rule(Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)[^/\\s@]+@"), "$1" + MASK + "@"));

    private record Rule(Pattern pattern, String replacement) {
    }

    private Redaction() {
    }

    /** Remembers a secret value so that it is masked wherever it appears in the log from now on. */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_KNOWN_LENGTH) {
            KNOWN.add(secret.strip());
        }
    }

    /** The text with every secret it holds masked. */
    public static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (!KNOWN.isEmpty()) {
            // Longest first, so a secret that contains another is masked whole.
            for (String s : KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
                if (out.contains(s)) {
                    out = out.replace(s, MASK);
                }
            }
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(r.replacement());
            }
        }
        return out;
    }
}
