package io.lumasync.source;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.source.OAuthApiFake.Reply;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cloud API fake for vendors whose desktop sign-in is a long-lived token (Figma's personal access tokens,
 * Shutterstock's API tokens): a WireMock server on 127.0.0.1 whose one catch-all stub is answered by {@link #api}
 * once {@link #authorized} accepts the request's credentials, with injectable 429s, a revocable token and
 * {@link SignedLinks} for the downloads the vendor hands out.
 */
public abstract class TokenApiFake implements AutoCloseable {
    protected final WireMockServer server;
    public final SignedLinks links;
    private volatile boolean revoked;
    private volatile int rateLimitSeconds = -1;

    // The transformer calls back into the subclass only when a request arrives, after construction.
    @SuppressWarnings("this-escape")
    protected TokenApiFake() {
        server = FakeServer.start("token-api-fake", this::dispatch);
        links = new SignedLinks(baseUri().toString());
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** The user revoked the token (or it reached its expiry date). */
    public void revoke() {
        revoked = true;
    }

    public void rateLimitNext(int seconds) {
        rateLimitSeconds = seconds;
    }

    /** Whether the request carries the vendor's token the way its docs say. */
    protected abstract boolean authorized(Request request);

    /** The vendor's answer to an authorized request. */
    protected abstract Reply api(Request request, String path);

    /** The vendor's answer to a missing or revoked token. */
    protected abstract Reply unauthorized();

    /** The vendor's 429 body (Retry-After is added). */
    protected abstract Reply tooManyRequests(int seconds);

    private Reply dispatch(Request r) {
        String path = URI.create(r.getUrl()).getPath();
        Reply signed = links.serve(path);
        if (signed != null) {
            return signed;
        }
        if (rateLimitSeconds >= 0) {
            int s = rateLimitSeconds;
            rateLimitSeconds = -1;
            Reply base = tooManyRequests(s);
            Map<String, String> h = new LinkedHashMap<>(base.headers());
            h.put("Retry-After", Integer.toString(s));
            return new Reply(429, h, base.body());
        }
        if (revoked || !authorized(r)) {
            return unauthorized();
        }
        return api(r, path);
    }

    @Override
    public void close() {
        server.stop();
    }
}
