package io.lumasync.destination.webhook;

import io.lumasync.core.RemoteRef;

import java.util.Optional;

/**
 * What "Test connection" saw: the request sent and the receiver's full answer, shown to the user as is.
 *
 * @param request  "POST https://…" (query string left out: it may hold a token)
 * @param status   the HTTP status, 0 when no answer came
 * @param headers  the answer's headers, one per line
 * @param body     the answer's body as text
 * @param mapped   the asset id and URL read from the answer, when the paths found them
 * @param problem  a plain explanation when something is wrong, empty when all is well
 */
public record ConnectionTest(String request, int status, String headers, String body, Optional<RemoteRef> mapped,
                             String problem) {
    public boolean ok() {
        return problem.isEmpty();
    }
}
