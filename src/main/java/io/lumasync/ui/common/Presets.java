package io.lumasync.ui.common;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named format/quality presets offered next to every Sync and Upload button. */
public final class Presets {
    public static final String DEFAULT = "Settings default";
    private static final Map<String, EncodeSettings> PRESETS = new LinkedHashMap<>();

    static {
        EncodeSettings d = EncodeSettings.defaults();
        PRESETS.put("Smallest (auto, high quality)", d);
        PRESETS.put("Balanced (auto)", d.withQuality(Quality.BALANCED));
        PRESETS.put("WebP, high quality", d.withFormat(OutputFormat.WEBP));
        PRESETS.put("AVIF, small", d.withFormat(OutputFormat.AVIF).withQuality(Quality.SMALL));
        PRESETS.put("JPEG 85", d.withFormat(OutputFormat.JPEG).withQuality(new Quality.Fixed(85)));
        PRESETS.put("Original bytes", d.withFormat(OutputFormat.ORIGINAL).withMaxSize(0));
    }

    private Presets() {
    }

    public static List<String> names() {
        List<String> all = new java.util.ArrayList<>();
        all.add(DEFAULT);
        all.addAll(PRESETS.keySet());
        return all;
    }

    public static EncodeSettings resolve(String name, EncodeSettings settingsDefault) {
        return PRESETS.getOrDefault(name, settingsDefault);
    }
}
