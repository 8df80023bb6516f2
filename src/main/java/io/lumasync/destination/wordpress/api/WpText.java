package io.lumasync.destination.wordpress.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A text field as WordPress returns it with {@code context=edit}: what was saved and its HTML rendering. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WpText(String raw, String rendered) {
    public WpText {
        raw = raw == null ? "" : raw;
        rendered = rendered == null ? "" : rendered;
    }
}
