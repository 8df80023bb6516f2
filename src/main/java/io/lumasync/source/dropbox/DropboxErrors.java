package io.lumasync.source.dropbox;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

/**
 * Dropbox's endpoint errors (409, {@code error_summary}) in plain words, each with the class of failure it is:
 * the LookupError tags under {@code path/} and DownloadError's own {@code unsupported_file} (the Stone types of
 * the {@code files} namespace).
 */
final class DropboxErrors {
    private DropboxErrors() {
    }

    static LumasyncException of(DropboxApi.EndpointError e, String what) {
        String s = e.summary;
        if (s.startsWith("path/not_found") || s.startsWith("path/not_file") || s.startsWith("path_lookup/not_found")) {
            return new LumasyncException(ErrorKind.GIVE_UP, what + " was not found in Dropbox: it was moved or deleted "
                    + "since the last listing. It is skipped; the next sync sees the change.");
        }
        if (s.startsWith("unsupported_file")) {
            return new LumasyncException(ErrorKind.GIVE_UP, what + " cannot be downloaded through Dropbox's API "
                    + "(Dropbox does not hand out this kind of file, e.g. a Paper doc or a shortcut).");
        }
        if (s.startsWith("path/unsupported_content_type")) {
            return new LumasyncException(ErrorKind.GIVE_UP, what + " cannot be downloaded: Dropbox does not serve "
                    + "files of this type through its API.");
        }
        if (s.startsWith("path/restricted_content")) {
            return new LumasyncException(ErrorKind.GIVE_UP, what + " cannot be downloaded: Dropbox restricts this "
                    + "file (for example after a copyright claim).");
        }
        if (s.startsWith("path/locked")) {
            return new LumasyncException(ErrorKind.RETRY, what + " is locked in Dropbox (someone has it open for "
                    + "editing); Lumasync tries again later.");
        }
        String shown = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return new LumasyncException(ErrorKind.GIVE_UP, "Dropbox refused the request for " + what + " (" + shown + ").");
    }
}
