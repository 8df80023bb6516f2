package io.lumasync.ui.common;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named format/quality presets offered next to every Sync and Upload button. */
public final class Presets {
    private static final String DEFAULT = "common.preset.default";
    /** Keyed by message key: the names shown are the bundle's, read each time so they follow it. */
    private static final Map<String, EncodeSettings> PRESETS = new LinkedHashMap<>();

    static {
        EncodeSettings d = EncodeSettings.defaults();
        PRESETS.put("common.preset.smallest", d);
        PRESETS.put("common.preset.balanced", d.withQuality(Quality.BALANCED));
        PRESETS.put("common.preset.webp", d.withFormat(OutputFormat.WEBP));
        PRESETS.put("common.preset.avif", d.withFormat(OutputFormat.AVIF).withQuality(Quality.SMALL));
        PRESETS.put("common.preset.jpeg85", d.withFormat(OutputFormat.JPEG).withQuality(new Quality.Fixed(85)));
        PRESETS.put("common.preset.original", d.withFormat(OutputFormat.ORIGINAL).withMaxSize(0));
    }

    private Presets() {
    }

    /** The name of "whatever Settings says", the first choice. */
    public static String defaultName() {
        return Messages.get(DEFAULT);
    }

    public static List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(defaultName());
        PRESETS.keySet().forEach(k -> all.add(Messages.get(k)));
        return all;
    }

    public static EncodeSettings resolve(String name, EncodeSettings settingsDefault) {
        return PRESETS.entrySet().stream().filter(e -> Messages.get(e.getKey()).equals(name))
                .map(Map.Entry::getValue).findFirst().orElse(settingsDefault);
    }
}
