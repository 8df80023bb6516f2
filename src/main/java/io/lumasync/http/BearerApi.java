package io.lumasync.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A JSON API reached with a bearer token (a CMS's management API): every request is paced by the platform's
 * {@link RateBudget}, which also learns from every answer; the token goes only to the API's own origin and never
 * over plain http to another machine unless the user allowed it; answers are read within {@link BodyLimits#PAGE}.
 * Adapters classify the answers with their own words on top of {@link HttpErrors}.
 */
public final class BearerApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final RateBudget budget;
    private final boolean allowPlainHttp;
    private final String what;

    /** One answer: status, headers and the body as text (JSON, or an error page). */
    public record Answer(int status, HttpHeaders headers, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The body as JSON; a missing node when it is empty or not JSON. */
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }
    }

    /**
     * @param base           the API's address; the token is sent to this origin only
     * @param what           how messages name the service ("Contentful space 'abc'")
     * @param allowPlainHttp the user's choice to send the token unencrypted to another machine
     */
    public BearerApi(HttpClient http, URI base, String token, RateBudget budget, boolean allowPlainHttp, String what) {
        this.http = http;
        this.base = base;
        this.authorization = "Bearer " + token;
        this.budget = budget;
        this.allowPlainHttp = allowPlainHttp;
        this.what = what;
    }

    public URI base() {
        return base;
    }

    public String what() {
        return what;
    }

    /** Sends a request with the token (to the API's origin only), paced by the budget. */
    public Answer send(HttpRequest.Builder b, String action) throws LumasyncException {
        HttpRequest r = b.header("User-Agent", Http.USER_AGENT).build();
        if (!Http.sameOrigin(base, r.uri())) {
            throw LumasyncException.giveUp(what + " pointed Lumasync at " + r.uri().getHost()
                    + ", which is not its own address; the token was not sent there.");
        }
        try {
            PlainHttp.requireSafe(r.uri(), allowPlainHttp, what);
        } catch (ConfigurationException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, e.getMessage(), e);
        }
        HttpRequest signed = HttpRequest.newBuilder(r, (n, v) -> true).header("Authorization", authorization).build();
        return exchange(signed, action, true);
    }

    /** Sends a request without the token (a pre-signed upload form), paced by nothing but the server. */
    public Answer sendAnonymous(HttpRequest.Builder b, String action) throws LumasyncException {
        return exchange(b.header("User-Agent", Http.USER_AGENT).build(), action, false);
    }

    /** Downloads a public file (a CDN address), without the token, capped by {@link BodyLimits#FILE}. */
    public byte[] download(URI uri, String action) throws LumasyncException {
        String scheme = String.valueOf(uri.getScheme());
        if (!scheme.equalsIgnoreCase("https") && !scheme.equalsIgnoreCase("http")) {
            throw LumasyncException.giveUp(what + " gave '" + uri + "' as a file's address, which is not a web address.");
        }
        HttpRequest r = HttpRequest.newBuilder(uri).header("User-Agent", Http.USER_AGENT)
                .timeout(java.time.Duration.ofMinutes(5)).GET().build();
        try {
            HttpResponse<InputStream> res = Http.send(http, r, BodyLimits.ofInputStream(BodyLimits.FILE));
            try (InputStream in = res.body()) {
                if (res.statusCode() / 100 != 2) {
                    throw HttpErrors.fromResponse(what + " (trying to " + action + ")", res, "");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw HttpErrors.fromIo(what + " (trying to " + action + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Stopped while trying to " + action + ".", e);
        }
    }

    private Answer exchange(HttpRequest r, String action, boolean paced) throws LumasyncException {
        try {
            if (paced) {
                budget.acquire(1);
            }
            HttpResponse<String> res = http.send(r, BodyLimits.ofString(BodyLimits.PAGE));
            if (paced) {
                budget.observe(res.statusCode(), res.headers());
            }
            return new Answer(res.statusCode(), res.headers(), res.body());
        } catch (IOException e) {
            throw HttpErrors.fromIo(what + " (trying to " + action + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Stopped while trying to " + action + ".", e);
        }
    }

    /** JSON text of {@code value}, for request bodies. */
    public static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("a request body Lumasync built could not be written", e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** Hex digest, e.g. {@code md5Hex} of a file for APIs that want it, or a short stable key for a token. */
    public static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * The API address the user typed (or the default): {@code https://} added to a bare host; refused when it has
     * no host. {@code service} and {@code example} word the refusal.
     */
    public static URI address(String typed, String service, String example) throws ConfigurationException {
        String s = typed.strip();
        try {
            URI u = URI.create(s.contains("://") ? s : "https://" + s);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("'" + s + "' is not the address of " + service + "'s API, e.g. " + example + ".");
        }
    }

    /** A key naming an account by its token without holding the token: for {@link RateBudgets#shared}. */
    public static String accountKey(String platform, String token) {
        return platform + ":" + hex("SHA-256", token.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
