package io.lumasync.auth;

/** A vault could not be read or written. Messages say what went wrong and never contain a secret. */
public final class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
