package io.lumasync.http.signing;

import java.util.Map;

/** Signs one request's exact body; returns the headers that carry the signature (and its timestamp). */
public interface RequestSigner {
    Map<String, String> headers(String messageId, long timestampSeconds, byte[] body);

    /** How requests are signed, in a few words for "Test connection", e.g. "Standard Webhooks". */
    String scheme();
}
