package io.lumasync.source.onedrive;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

/**
 * Graph's refusals for drive items in plain words ("Microsoft Graph error responses": itemNotFound, accessDenied,
 * resyncRequired…), each with the class of failure it is. Throttling and server errors are classified where the
 * answer arrives ({@link GraphApi}).
 */
final class GraphErrors {
    private GraphErrors() {
    }

    static LumasyncException of(GraphApi.GraphError e, String what) {
        if (e.code.equals(GraphApi.LINK_REFUSED) && e.status != 404) {
            return new LumasyncException(ErrorKind.RETRY, what + ": OneDrive refused its own download address "
                    + "(HTTP " + e.status + "); a new one is asked for on the next try.");
        }
        if (e.status == 404 || e.code.equals("itemNotFound")) {
            return new LumasyncException(ErrorKind.GIVE_UP, what + " was not found in OneDrive: it was moved or deleted "
                    + "since the last listing, or it is no longer shared with you. It is skipped; the next sync sees "
                    + "the change.");
        }
        if (e.code.equals("accessDenied") || e.code.equals("notAllowed")) {
            return new LumasyncException(ErrorKind.GIVE_UP, "The Microsoft account has no permission to read " + what
                    + ". Ask its owner to share it with you.");
        }
        if (e.status == 403 && e.code.equals("activityLimitReached")) {
            return new LumasyncException(ErrorKind.RETRY, "OneDrive: too many requests from Lumasync for now; it tries "
                    + "again later.");
        }
        if (e.status == 410) {
            return new LumasyncException(ErrorKind.RETRY, "OneDrive asked for a fresh listing of " + what + ".");
        }
        String shown = e.getMessage() == null || e.getMessage().isBlank() ? e.code : e.getMessage();
        return new LumasyncException(e.status >= 500 ? ErrorKind.RETRY : ErrorKind.GIVE_UP,
                "OneDrive refused the request for " + what + " (" + shown + ").");
    }
}
