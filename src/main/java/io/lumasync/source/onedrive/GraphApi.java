package io.lumasync.source.onedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.auth.OAuthSession;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.source.CloudCalls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Microsoft Graph v1.0 calls the OneDrive source makes (learn.microsoft.com/graph/api/resources/driveitem,
 * driveitem-get, driveitem-delta, driveitem-list-thumbnails). Errors come as
 * {@code {"error":{"code","message","innerError"}}} ("Microsoft Graph error responses and resource types");
 * throttling is 429 or 503 with Retry-After ("Microsoft Graph throttling guidance"). File bytes and thumbnails
 * come from pre-authenticated, short-lived URLs that take no bearer token, so none is sent to them.
 */
final class GraphApi {
    static final ObjectMapper JSON = CloudCalls.JSON;
    /** The code of a refused pre-authenticated download URL (expired, withdrawn, or the file is gone). */
    static final String LINK_REFUSED = "downloadLinkRefused";

    /** A Graph refusal that the caller words for its item (not found, resync required, access denied). */
    static final class GraphError extends Exception {
        final int status;
        final String code;

        GraphError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private final OAuthSession session;
    private final URI base;
    private final HttpClient http;
    private final Retrier retrier;

    GraphApi(OAuthSession session, URI base, HttpClient http, Retrier retrier) {
        this.session = session;
        this.base = base;
        this.http = http;
        this.retrier = retrier;
    }

    <T> T retried(Retrier.Call<T, GraphError> call) throws LumasyncException, GraphError {
        return retrier.call(call);
    }

    /** A Graph path under {@code /v1.0} with its query, on the configured host. */
    URI uri(String path, Map<String, String> query) {
        String q = query.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base.toString().replaceAll("/$", "") + "/v1.0" + path + (q.isEmpty() ? "" : "?" + q));
    }

    /**
     * A link Graph handed out ({@code @odata.nextLink}, {@code @odata.deltaLink}) may only be followed with the
     * token when it points at the Graph host the source talks to; anything else is refused.
     */
    boolean onGraphHost(URI link) {
        return Http.sameOrigin(base, link);
    }

    /** A metadata GET, retried while it fails with RETRY. */
    JsonNode get(URI uri) throws LumasyncException, GraphError {
        return retrier.call(() -> getOnce(uri));
    }

    /** A metadata GET, one attempt (for calls inside an attempt that the caller already retries). */
    JsonNode getOnce(URI uri) throws LumasyncException, GraphError {
        HttpResponse<String> r = session.send(token -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .header("User-Agent", Http.USER_AGENT).GET().build(),
                BodyLimits.ofString(BodyLimits.PAGE), "OneDrive");
        if (r.statusCode() == 200) {
            return CloudCalls.read(r.body());
        }
        throw failure(r, r.body());
    }

    /**
     * One GET of a pre-authenticated download URL from {@code offset} on; answers 200 or 206. An expired or
     * withdrawn link (401, 403, 404, 410) is a GraphError, so the caller can ask Graph for a fresh one.
     */
    HttpResponse<InputStream> download(URI url, long offset) throws LumasyncException, GraphError {
        if (!CloudCalls.safeLink(url)) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "OneDrive gave a download address that is not encrypted "
                    + "(https); Lumasync does not use it.");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30))
                .header("User-Agent", Http.USER_AGENT).GET();
        if (offset > 0) {
            b.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> r = CloudCalls.send(http, b.build(), BodyLimits.ofInputStream(BodyLimits.FILE), "OneDrive (download)");
        if (r.statusCode() == 200 || r.statusCode() == 206) {
            return r;
        }
        String text = CloudCalls.errorText(r);
        if (r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() == 404 || r.statusCode() == 410
                || r.statusCode() == 416) {
            throw new GraphError(r.statusCode(), LINK_REFUSED, "the download link was refused");
        }
        throw failure(r, text);
    }

    /** A thumbnail's pre-authenticated URL; a refused or odd answer is "no preview". */
    Optional<byte[]> thumbnail(URI url) throws LumasyncException {
        if (!CloudCalls.safeLink(url)) {
            return Optional.empty();
        }
        HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("User-Agent", Http.USER_AGENT).GET().build();
        HttpResponse<InputStream> r = CloudCalls.send(http, req, BodyLimits.ofInputStream(BodyLimits.THUMBNAIL), "OneDrive (preview)");
        try (InputStream in = r.body()) {
            if (r.statusCode() == 429 || r.statusCode() >= 500) {
                throw HttpErrors.fromResponse("OneDrive (preview)", r, "");
            }
            return r.statusCode() == 200 ? Optional.of(in.readAllBytes()) : Optional.empty();
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.RETRY, "OneDrive: the preview download broke off.", e);
        }
    }

    private static LumasyncException failure(HttpResponse<?> r, String body) throws GraphError {
        JsonNode err = CloudCalls.read(body).path("error");
        String code = err.path("code").asText("");
        String message = CloudCalls.trim(err.path("message").asText(""));
        int status = r.statusCode();
        if (status == 400 || status == 403 || status == 404 || status == 410) {
            throw new GraphError(status, code, message);
        }
        if (status == 509) {
            // SharePoint's "bandwidthLimitExceeded": the tenant's transfer budget, back in a while.
            return new LumasyncException(ErrorKind.RETRY, "OneDrive: the organisation's download budget is used up for "
                    + "now (" + message + "). Lumasync tries again later.", HttpErrors.retryAfter(r.headers())
                    .orElse(Duration.ofMinutes(5)), null);
        }
        return HttpErrors.fromResponse("OneDrive", r, message.isEmpty() ? code : message);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
