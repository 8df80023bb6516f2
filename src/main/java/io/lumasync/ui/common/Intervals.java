package io.lumasync.ui.common;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The autosync intervals offered to the user. */
public final class Intervals {
    /** Keyed by message key: the labels shown are the bundle's, read each time so they follow it. */
    private static final Map<String, Duration> CHOICES = new LinkedHashMap<>();

    static {
        CHOICES.put("common.interval.5min", Duration.ofMinutes(5));
        CHOICES.put("common.interval.15min", Duration.ofMinutes(15));
        CHOICES.put("common.interval.30min", Duration.ofMinutes(30));
        CHOICES.put("common.interval.hourly", Duration.ofHours(1));
        CHOICES.put("common.interval.6h", Duration.ofHours(6));
        CHOICES.put("common.interval.12h", Duration.ofHours(12));
        CHOICES.put("common.interval.daily", Duration.ofDays(1));
    }

    private Intervals() {
    }

    public static List<String> labels() {
        return CHOICES.keySet().stream().map(Messages::get).toList();
    }

    /** The label of "no schedule". */
    public static String off() {
        return Messages.get("common.interval.off");
    }

    public static Optional<Duration> parse(String label) {
        return CHOICES.entrySet().stream().filter(e -> Messages.get(e.getKey()).equals(label))
                .map(Map.Entry::getValue).findFirst();
    }

    public static String label(Duration d) {
        return CHOICES.entrySet().stream().filter(e -> e.getValue().equals(d)).map(e -> Messages.get(e.getKey()))
                .findFirst().orElse(Messages.get("common.interval.minutes", d.toMinutes()));
    }
}
