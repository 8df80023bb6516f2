package io.lumasync.http;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Turns HTTP answers and transport failures into classified {@link LumasyncException}s with plain messages.
 * Adapters call these and add what they know (e.g. WordPress's own error codes); the engine does the waiting.
 */
public final class HttpErrors {
    private static final Duration MAX_HONOURED = Duration.ofHours(6);

    private HttpErrors() {
    }

    /**
     * Classifies a non-2xx answer. {@code what} names the service ("WordPress at example.com"), {@code detail} is
     * the server's own message if the adapter could read one (may be empty).
     */
    public static LumasyncException fromStatus(String what, int status, HttpHeaders headers, String detail) {
        String extra = detail == null || detail.isBlank() ? "" : " (" + trim(detail) + ")";
        Optional<Duration> retryAfter = retryAfter(headers);
        return switch (status) {
            case 401 -> new LumasyncException(ErrorKind.REAUTH,
                    what + " did not accept the saved credentials" + extra + ". Reconnect it with a valid password or token.");
            case 403 -> new LumasyncException(ErrorKind.REAUTH,
                    what + " refused access" + extra + ". Check that the account may upload files.");
            case 404 -> new LumasyncException(ErrorKind.GIVE_UP,
                    what + " answered 'not found'" + extra + ". Check the address in the settings.");
            case 408, 425 -> new LumasyncException(ErrorKind.RETRY, what + " timed out" + extra + ".", retryAfter.orElse(null), null);
            case 413 -> new LumasyncException(ErrorKind.GIVE_UP,
                    what + " refused the file as too large" + extra
                            + ". Lower the maximum size or quality, or raise the site's upload limit.");
            case 429 -> new LumasyncException(ErrorKind.RETRY,
                    what + " asked Lumasync to slow down (too many requests)" + extra + ".", retryAfter.orElse(null), null);
            case 301, 302, 303, 307, 308 -> new LumasyncException(ErrorKind.GIVE_UP, what + " answered with a redirect"
                    + headers.firstValue("Location").map(l -> " to " + trim(l)).orElse("") + extra + ". Lumasync does not "
                    + "carry passwords or signatures along a redirect: put the final address in the settings.");
            default -> status >= 500
                    ? new LumasyncException(ErrorKind.RETRY, what + " had a server error " + status + extra + ".",
                    retryAfter.orElse(null), null)
                    : new LumasyncException(ErrorKind.GIVE_UP, what + " refused the request (HTTP " + status + ")" + extra + ".");
        };
    }

    public static LumasyncException fromResponse(String what, HttpResponse<?> response, String detail) {
        return fromStatus(what, response.statusCode(), response.headers(), detail);
    }

    /** Classifies a transport failure (no HTTP answer at all). */
    public static LumasyncException fromIo(String what, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitException limit) {
                return new LumasyncException(ErrorKind.GIVE_UP, what + ": " + limit.getMessage() + ".", e);
            }
        }
        if (e instanceof UnknownHostException) {
            return new LumasyncException(ErrorKind.UNAVAILABLE,
                    what + ": the server name could not be found. Check the address and your internet connection.", e);
        }
        if (e instanceof SSLException) {
            return new LumasyncException(ErrorKind.UNAVAILABLE,
                    what + ": the secure connection failed (" + e.getMessage() + "). Check the address and the site's certificate.", e);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new LumasyncException(ErrorKind.RETRY, what + " cannot be reached (is it running?).", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new LumasyncException(ErrorKind.RETRY, what + " took too long to answer.", e);
        }
        return new LumasyncException(ErrorKind.RETRY, what + ": the connection broke (" + e.getMessage() + ").", e);
    }

    /** Parses Retry-After as seconds or an HTTP date; capped at six hours. */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(HttpErrors::parseRetryAfter);
    }

    /** Parses one Retry-After value (seconds or an HTTP date), for clients that expose headers their own way. */
    public static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long s = Long.parseLong(v);
            return Optional.of(cap(Duration.ofSeconds(Math.max(0, s))));
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(Instant.now(), at);
            return Optional.of(cap(d.isNegative() ? Duration.ZERO : d));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX_HONOURED) > 0 ? MAX_HONOURED : d;
    }

    private static String trim(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
