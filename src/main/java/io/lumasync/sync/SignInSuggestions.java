package io.lumasync.sync;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-ins that end soon or already stopped working: a browser sign-in whose refresh was refused, or whose access
 * (the refresh token's when the provider says when it ends, else the access token's when there is no refresh
 * token) ends within {@link #WARNING}; and a source signed in with a token (Figma, Shutterstock) that its service
 * refuses now. Only reasons in plain words reach the suggestion, never a token.
 */
final class SignInSuggestions {
    /** How long before the end a sign-in is worth renewing: a week covers a holiday without syncs failing. */
    static final Duration WARNING = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SignInSuggestions() {
    }

    static void find(SyncService service, Instant now, List<Suggestion> out) throws LumasyncException {
        for (Accounts.SignIn s : service.signIns()) {
            String who = "The " + s.provider() + " sign-in of '" + s.source() + "'";
            if (s.failed().isPresent()) {
                out.add(suggestion(s.source(), "refused " + s.failed().get(), who + " stopped working",
                        "Its last renewal was refused: " + s.failed().get() + " Syncs from '" + s.source()
                                + "' fail until you sign in again.", browser(s.source())));
                continue;
            }
            Instant ends = s.tokens().map(t -> t.signInEndsAt()).orElse(Instant.MAX);
            if (ends.equals(Instant.MAX) || !ends.isBefore(now.plus(WARNING))) {
                continue;
            }
            boolean over = !ends.isAfter(now);
            out.add(suggestion(s.source(), "ends " + ends, who + (over ? " has ended" : " ends " + in(now, ends)),
                    s.provider() + " gave access until " + WHEN.format(ends) + ". After that, syncs from '"
                            + s.source() + "' stop until you sign in again.", browser(s.source())));
        }
        for (Map.Entry<String, Optional<LumasyncException>> e : service.probeTokens().entrySet()) {
            Optional<LumasyncException> failure = e.getValue().filter(x -> x.kind() == ErrorKind.REAUTH);
            if (failure.isPresent()) {
                out.add(suggestion(e.getKey(), "token " + failure.get().getMessage(),
                        "The token of '" + e.getKey() + "' no longer works", failure.get().getMessage(),
                        "Make a new token at the service and enter it in the source's settings (Sources → '"
                                + e.getKey() + "' → Edit); lumasync doctor checks it."));
            }
        }
    }

    private static String browser(String source) {
        return "Sign in again (lumasync login " + source + ").";
    }

    private static String in(Instant now, Instant ends) {
        long hours = Duration.between(now, ends).toHours();
        return hours < 24 ? "within a day" : "in " + (hours + 12) / 24 + " days";
    }

    private static Suggestion suggestion(String source, String finding, String title, String evidence, String action) {
        return new Suggestion(Suggestions.id("signin", source + "\u0000" + finding, 1), Suggestion.Kind.SIGN_IN_EXPIRING,
                source, title, evidence, action, false);
    }
}
