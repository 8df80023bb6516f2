package io.lumasync.sync;

/**
 * Something Lumasync proposes to fix, with its evidence and what doing it means.
 *
 * @param id       stable while the finding stands, so a dismissal is remembered
 * @param kind     what sort of finding it is
 * @param target   the source or destination it concerns
 * @param title    one line, in plain words
 * @param evidence the facts behind it
 * @param action   what acting on it does (and the command that does it)
 * @param canAct   whether {@link SyncService#actOnSuggestion} carries it out; otherwise the command says how
 */
public record Suggestion(String id, Kind kind, String target, String title, String evidence, String action,
                         boolean canAct) {
    public enum Kind {
        MISSING_ALT_TEXT, SOURCE_CHANGED, COULD_BE_SMALLER, FAILED, DUPLICATE, SIGN_IN_EXPIRING, LARGER_THAN_NEEDED
    }
}
