package io.lumasync.sync.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.HttpErrors;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;

/**
 * OpenRouter's error codes (https://openrouter.ai/docs/api/reference/errors-and-debugging) in words a photographer
 * understands: no credit (402), a refused prompt or image (403 moderation), a model that is down or not offered
 * (502, 503, or a 400/404 naming the model), too many requests (429, with Retry-After). Local servers answer with
 * the same codes where they have them.
 */
final class AiErrors {
    private AiErrors() {
    }

    static LumasyncException classify(String what, int status, HttpHeaders headers, String message, JsonNode metadata) {
        String detail = message.isBlank() ? "" : " (" + AiEndpoint.shorten(message) + ")";
        Duration retryAfter = HttpErrors.retryAfter(headers).orElse(null);
        String lower = message.toLowerCase(Locale.ROOT);
        return switch (status) {
            case 401 -> new LumasyncException(ErrorKind.REAUTH, what + " did not accept the API key" + detail
                    + ". Save a valid key with `lumasync ai key` or in Settings.");
            case 402 -> new LumasyncException(ErrorKind.GIVE_UP, what + " says the account has no credit left"
                    + detail + ". Add credit at openrouter.ai, or choose a free or local model.");
            case 403 -> refusedBecause(what, metadata, detail);
            case 408 -> new LumasyncException(ErrorKind.RETRY, what + " timed out" + detail + ".", retryAfter, null);
            case 429 -> new LumasyncException(ErrorKind.RETRY, what + " asked Lumasync to slow down (too many "
                    + "requests)" + detail + ".", retryAfter, null);
            case 502, 503 -> new LumasyncException(ErrorKind.RETRY, what + ": the model is unavailable right now"
                    + detail + ". Try again later or choose another model.", retryAfter, null);
            case 400, 404 -> lower.contains("no endpoints found")
                    ? new LumasyncException(ErrorKind.GIVE_UP, what + ": this model cannot do this" + detail
                    + ". Choose a model that sees or makes images (`lumasync ai models`).")
                    : lower.contains("model") && (lower.contains("not") || lower.contains("invalid")
                    || lower.contains("unknown") || lower.contains("exist"))
                    ? new LumasyncException(ErrorKind.GIVE_UP, what + " does not offer that model" + detail
                    + ". Choose one from `lumasync ai models`.")
                    : new LumasyncException(ErrorKind.GIVE_UP, what + " refused the request" + detail + ".");
            default -> status >= 500
                    ? new LumasyncException(ErrorKind.RETRY, what + " had a server error " + status + detail + ".",
                    retryAfter, null)
                    : new LumasyncException(ErrorKind.GIVE_UP, what + " refused the request (HTTP " + status + ")"
                    + detail + ".");
        };
    }

    static LumasyncException refused(String what) {
        return new LumasyncException(ErrorKind.GIVE_UP, what + ": the model refused this content (its safety "
                + "filter). Change the prompt or the image, or choose another model.");
    }

    private static LumasyncException refusedBecause(String what, JsonNode metadata, String detail) {
        StringBuilder reasons = new StringBuilder();
        for (JsonNode r : metadata.path("reasons")) {
            reasons.append(reasons.isEmpty() ? "" : ", ").append(r.asText());
        }
        return new LumasyncException(ErrorKind.GIVE_UP, what + ": the content was refused by moderation"
                + (reasons.isEmpty() ? detail : " (" + reasons + ")")
                + ". Change the prompt or the image, or choose another model.");
    }
}
