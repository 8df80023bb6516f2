package io.lumasync.core;

/** How the engine should react to a failure. Adapters only classify; the engine decides what to do. */
public enum ErrorKind {
    /** Transient (network, 429, 5xx): try again later, honouring any Retry-After. */
    RETRY,
    /** Permanent for this item (bad image, 413, 4xx): fail the item, go on with the batch. */
    GIVE_UP,
    /** Credentials expired or revoked: stop using this account until the user reconnects. */
    REAUTH,
    /** The whole destination or source is unusable (wrong URL, read-only folder): fail its remaining items. */
    UNAVAILABLE
}
