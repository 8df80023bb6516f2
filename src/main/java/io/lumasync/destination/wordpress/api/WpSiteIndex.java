package io.lumasync.destination.wordpress.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The REST API index ({@code GET /wp-json/}). {@code authentication} lists {@code application-passwords} only
 * when WordPress accepts them (HTTPS, or a site whose environment type is {@code local}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WpSiteIndex(String name, String url, List<String> namespaces, Map<String, Object> authentication) {
    public WpSiteIndex {
        name = name == null ? "" : name;
        url = url == null ? "" : url;
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        authentication = authentication == null ? Map.of() : authentication;
    }

    public boolean applicationPasswordsEnabled() {
        return authentication.containsKey("application-passwords");
    }
}
