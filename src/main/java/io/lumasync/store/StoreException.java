package io.lumasync.store;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

/**
 * Lumasync's own database failed (disk full, file locked too long, damaged). The one place a database error
 * becomes words for the user; every door already reports a {@link LumasyncException} per item or per command, so
 * callers let it pass instead of translating it again.
 */
public final class StoreException extends LumasyncException {
    StoreException(String message, Throwable cause) {
        super(ErrorKind.UNAVAILABLE, message, cause);
    }

    static StoreException of(java.sql.SQLException e) {
        return new StoreException("Lumasync's database could not be read: " + e.getMessage(), e);
    }

    /** The database's own words, without the sentence around them. */
    public String detail() {
        return getCause() == null ? getMessage() : getCause().getMessage();
    }
}
