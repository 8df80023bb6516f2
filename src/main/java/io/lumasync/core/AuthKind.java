package io.lumasync.core;

/** How an adapter authenticates; decides which connect flow the GUI and CLI offer. */
public enum AuthKind {
    NONE,
    /** User name + password or key typed by the user (WordPress application password, S3 keys, API tokens). */
    CREDENTIALS,
    /** OAuth 2.0 authorization code with PKCE through a loopback redirect. */
    OAUTH_PKCE
}
