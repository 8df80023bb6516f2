package io.lumasync.source.gdrive;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.time.Duration;

/**
 * Drive's refusals in plain words, one per documented reason ("Resolve errors" guide of the Drive API v3), each
 * with the class of failure it is: a 403 is rarely "no access to the account", and reconnecting fixes only one of
 * them. Rate limits are handled where the answer arrives ({@link DriveApi}).
 */
final class DriveErrors {
    /** Drive's daily project quota resets at midnight Pacific time: try again in a while, not in seconds. */
    static final Duration DAILY_LIMIT_WAIT = Duration.ofHours(1);

    private DriveErrors() {
    }

    static LumasyncException of(DriveApi.DriveError e, String what) {
        if (e.status == 404) {
            return new LumasyncException(ErrorKind.GIVE_UP, what + " was not found in Google Drive: it was deleted or "
                    + "its sharing changed since the last listing. It is skipped; the next sync sees the change.");
        }
        return switch (e.reason) {
            case "cannotDownloadAbusiveFile" -> new LumasyncException(ErrorKind.GIVE_UP, what + " was flagged by "
                    + "Google as malware or spam, so Drive only hands it out to someone who acknowledges the risk. "
                    + "Lumasync does not; if you trust the file, download it from Drive yourself.");
            case "cannotDownloadFile" -> new LumasyncException(ErrorKind.GIVE_UP, what + " cannot be downloaded: its "
                    + "owner turned off downloading for people it is shared with.");
            case "fileNotDownloadable" -> new LumasyncException(ErrorKind.GIVE_UP, what + " is a Google Docs file "
                    + "with no image to download.");
            case "downloadQuotaExceeded" -> new LumasyncException(ErrorKind.RETRY, what + " was downloaded too often "
                    + "today (Google limits downloads of shared files); Lumasync tries again later.", DAILY_LIMIT_WAIT, null);
            case "insufficientFilePermissions" -> new LumasyncException(ErrorKind.GIVE_UP, "The Google account "
                    + "has no permission to read " + what + ". Ask its owner to share it with you.");
            case "appNotAuthorizedToFile" -> new LumasyncException(ErrorKind.GIVE_UP, what + " was not opened "
                    + "with or shared to Lumasync's app, so Drive does not show it to Lumasync.");
            case "insufficientPermissions" -> new LumasyncException(ErrorKind.REAUTH, "Google Drive: the sign-in "
                    + "did not grant read access to your files (the box may have been unticked). Sign in again and "
                    + "allow Lumasync to see your Drive files.");
            case "domainPolicy" -> new LumasyncException(ErrorKind.UNAVAILABLE, "Your organisation's Google "
                    + "Workspace policy does not let Lumasync's app use Google Drive. Ask your administrator to "
                    + "allow it.");
            case "teamDriveMembershipRequired" -> new LumasyncException(ErrorKind.UNAVAILABLE, "The Google account "
                    + "is not a member of the shared drive that holds " + what + ". Ask to be added to it.");
            case "dailyLimitExceeded" -> new LumasyncException(ErrorKind.RETRY, "Google Drive: the daily number "
                    + "of requests allowed to Lumasync's app is used up. Lumasync tries again later; the limit resets "
                    + "every day.", DAILY_LIMIT_WAIT, null);
            case "storageQuotaExceeded" -> new LumasyncException(ErrorKind.UNAVAILABLE, "The Google account's "
                    + "storage is full. Free some space in Google Drive, then sync again.");
            default -> new LumasyncException(e.status >= 500 ? ErrorKind.RETRY : ErrorKind.GIVE_UP,
                    "Google Drive refused the request for " + what + " (" + e.getMessage() + ").");
        };
    }
}
