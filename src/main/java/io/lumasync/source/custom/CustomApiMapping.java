package io.lumasync.source.custom;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a JSON API's answers map onto source items. Field paths are {@link io.lumasync.http.JsonPaths} paths
 * ({@code urls.full}, {@code fields.Image[0].url}); an empty {@code itemsPath} means the answer is the array.
 *
 * @param next how to reach the next page: {@code none}, {@code link} (RFC 8288 Link header, rel="next"),
 *             {@code field:<path>} (a full URL in the body), {@code cursor:<path>:<param>} (a token in the body sent
 *             back as a query parameter), {@code page:<param>} (page numbers from 1), {@code offset:<param>}
 */
public record CustomApiMapping(String url, Map<String, String> headers, String itemsPath, String idField,
                               String nameField, String thumbField, String downloadField, String versionField,
                               String perPageParam, int perPage, String next) {

    public CustomApiMapping {
        headers = Map.copyOf(headers);
    }

    /** The mapping of a configured source: its preset's values, each overridden by what the user set. */
    public static CustomApiMapping from(AdapterConfig cfg) throws LumasyncException {
        Optional<CustomApiPresets.Preset> preset = cfg.get("preset").filter(p -> !p.equals("none"))
                .map(CustomApiPresets::byId).map(p -> p.orElse(null));
        if (cfg.get("preset").filter(p -> !p.equals("none")).isPresent() && preset.isEmpty()) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "'" + cfg.name() + "' uses the unknown preset '"
                    + cfg.get("preset").orElseThrow() + "'. Choose one from the list or 'none'.");
        }
        Map<String, String> base = preset.map(CustomApiPresets.Preset::values).orElse(Map.of());
        Map<String, String> v = new LinkedHashMap<>(base);
        cfg.settings().forEach((k, val) -> {
            if (!val.isBlank()) {
                v.put(k, val);
            }
        });
        String url = v.get("url");
        if (url == null || url.isBlank()) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "'" + cfg.name() + "' has no API address. Fill in "
                    + "'API URL' (or choose a preset).");
        }
        return new CustomApiMapping(url, headers(v.getOrDefault("headers", "")), v.getOrDefault("items_path", ""),
                v.getOrDefault("id_field", "id"), v.getOrDefault("name_field", ""), v.getOrDefault("thumb_field", ""),
                v.getOrDefault("download_field", "url"), v.getOrDefault("version_field", ""),
                v.getOrDefault("per_page_param", ""), Integer.parseInt(v.getOrDefault("per_page", "0").strip()),
                v.getOrDefault("next", "none").strip());
    }

    /** "Name: value" lines (or ';'-separated) into a map. */
    static Map<String, String> headers(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("[\\n;]")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    String nextKind() {
        int colon = next.indexOf(':');
        return (colon < 0 ? next : next.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /** The parts after the kind, e.g. for cursor:meta.next:after → ["meta.next", "after"]. */
    String[] nextArgs() {
        int colon = next.indexOf(':');
        return colon < 0 ? new String[0] : next.substring(colon + 1).split(":");
    }
}
