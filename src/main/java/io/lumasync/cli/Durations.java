package io.lumasync.cli;

import io.lumasync.core.ConfigurationException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "90s", "15m", "6h", "1d" → Duration. */
public final class Durations {
    private static final Pattern P = Pattern.compile("(\\d+)\\s*([smhd])");

    private Durations() {
    }

    public static Duration parse(String text) throws ConfigurationException {
        Matcher m = P.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new ConfigurationException("'" + text + "' is not a duration: use e.g. 30s, 15m, 6h or 1d.");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
