package io.lumasync.core;

import java.util.Objects;

/**
 * Where an asset lives at a destination.
 *
 * @param id  the destination's own id (attachment id, object key, file path…); stable across in-place replaces
 * @param url the public URL, or empty when the destination has none
 */
public record RemoteRef(String id, String url) {
    public RemoteRef {
        Objects.requireNonNull(id, "id");
        url = url == null ? "" : url;
    }
}
