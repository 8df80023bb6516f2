package io.lumasync.destination.wordpress.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/** What the companion plugin reports ({@code GET /lumasync/v1/info}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanionInfo(String pluginVersion, String wpVersion, long maxUploadBytes, List<String> allowedMimes,
                            Map<String, Boolean> editorFormats) {
    public CompanionInfo {
        pluginVersion = pluginVersion == null ? "" : pluginVersion;
        wpVersion = wpVersion == null ? "" : wpVersion;
        allowedMimes = allowedMimes == null ? List.of() : List.copyOf(allowedMimes);
        editorFormats = editorFormats == null ? Map.of() : Map.copyOf(editorFormats);
    }
}
