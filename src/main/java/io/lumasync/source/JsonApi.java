package io.lumasync.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The shape every JSON REST source API shares: a base address, the shared HTTP client, and the engine's one retry
 * layer around each call. Subclasses add the vendor's credentials and read its error bodies in {@link #getOnce}.
 */
public abstract class JsonApi {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final Retrier retrier;

    protected JsonApi(HttpClient http, URI base, Retrier retrier) {
        this.http = http;
        this.base = base;
        this.retrier = retrier;
    }

    public HttpClient http() {
        return http;
    }

    protected URI base() {
        return base;
    }

    /** Runs a call (a download with its checks, an export and its polling) again while it fails with RETRY. */
    public <T> T retried(Retrier.Call<T, RuntimeException> call) throws LumasyncException {
        return retrier.call(call);
    }

    /** A GET, retried while it fails with RETRY; {@code what} names the thing read, for messages. */
    public JsonNode get(String pathAndQuery, String what) throws LumasyncException {
        return retrier.call(() -> getOnce(pathAndQuery, what));
    }

    /** One GET, its failure classified in the vendor's terms. */
    public abstract JsonNode getOnce(String pathAndQuery, String what) throws LumasyncException;

    /** A JSON body, or an empty object when there is none or it is not JSON (an HTML error page). */
    public static JsonNode read(String s) {
        try {
            return JSON.readTree(s == null || s.isBlank() ? "{}" : s);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
