package io.lumasync.ui.common;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The autosync intervals offered to the user. */
public final class Intervals {
    private static final Map<String, Duration> CHOICES = new LinkedHashMap<>();

    static {
        CHOICES.put("5 min", Duration.ofMinutes(5));
        CHOICES.put("15 min", Duration.ofMinutes(15));
        CHOICES.put("30 min", Duration.ofMinutes(30));
        CHOICES.put("Hourly", Duration.ofHours(1));
        CHOICES.put("6 h", Duration.ofHours(6));
        CHOICES.put("12 h", Duration.ofHours(12));
        CHOICES.put("Daily", Duration.ofDays(1));
    }

    private Intervals() {
    }

    public static List<String> labels() {
        return List.copyOf(CHOICES.keySet());
    }

    public static Optional<Duration> parse(String label) {
        return Optional.ofNullable(CHOICES.get(label));
    }

    public static String label(Duration d) {
        return CHOICES.entrySet().stream().filter(e -> e.getValue().equals(d)).map(Map.Entry::getKey).findFirst()
                .orElse(d.toMinutes() + " min");
    }
}
