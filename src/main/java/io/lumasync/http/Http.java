package io.lumasync.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The one HTTP client factory: HTTP/1.1+2, sensible timeouts, redirects followed (never https → http). Requests
 * that carry credentials go through {@link #send}, which follows redirects itself and keeps the credentials off
 * any other origin.
 */
public final class Http {
    public static final String USER_AGENT = "Lumasync/0.1 (+https://github.com/lumasync/lumasync)";
    private static final int MAX_REDIRECTS = 5;
    /** Headers that carry nothing secret and may follow a redirect to another origin. */
    private static final Set<String> PORTABLE = Set.of("user-agent", "accept", "accept-language");
    private static final Map<HttpClient, HttpClient> NO_REDIRECTS = new WeakHashMap<>();

    private Http() {
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Sends a request whose headers may hold secrets. A GET or HEAD follows up to five redirects: to the same
     * origin with every header, to another origin with only User-Agent and Accept, never from https to http.
     * Any other method is never redirected (its body and signature were meant for the address the user chose):
     * the 3xx answer comes back to the caller.
     */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpClient direct = withoutRedirects(client);
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            HttpRequest sent = current;
            boolean mayFollow = hop < MAX_REDIRECTS
                    && (sent.method().equals("GET") || sent.method().equals("HEAD"));
            URI[] next = new URI[1];
            HttpResponse<T> r = direct.send(sent, info -> {
                next[0] = mayFollow ? redirectTarget(sent.uri(), info) : null;
                return next[0] != null ? HttpResponse.BodySubscribers.replacing(null) : handler.apply(info);
            });
            if (next[0] == null) {
                return r;
            }
            current = redirected(sent, next[0]);
        }
    }

    private static URI redirectTarget(URI from, HttpResponse.ResponseInfo info) {
        int s = info.statusCode();
        if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
            return null;
        }
        String location = info.headers().firstValue("Location").orElse("");
        if (location.isBlank()) {
            return null;
        }
        try {
            URI to = from.resolve(location.strip());
            String scheme = String.valueOf(to.getScheme()).toLowerCase(Locale.ROOT);
            boolean downgrade = "https".equalsIgnoreCase(from.getScheme()) && !scheme.equals("https");
            return downgrade || !(scheme.equals("http") || scheme.equals("https")) ? null : to;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static HttpRequest redirected(HttpRequest from, URI to) {
        HttpRequest.Builder b = HttpRequest.newBuilder(to).method(from.method(), HttpRequest.BodyPublishers.noBody());
        from.timeout().ifPresent(b::timeout);
        boolean sameOrigin = sameOrigin(from.uri(), to);
        from.headers().map().forEach((name, values) -> {
            if (sameOrigin || PORTABLE.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return b.build();
    }

    /** Same scheme, host and port (the default port of the scheme when none is written). */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** A client like {@code client} that never follows redirects itself. */
    private static HttpClient withoutRedirects(HttpClient client) {
        if (client.followRedirects() == HttpClient.Redirect.NEVER) {
            return client;
        }
        synchronized (NO_REDIRECTS) {
            return NO_REDIRECTS.computeIfAbsent(client, c -> {
                HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                        .version(c.version()).sslContext(c.sslContext()).sslParameters(c.sslParameters());
                c.connectTimeout().ifPresent(b::connectTimeout);
                c.proxy().ifPresent(b::proxy);
                c.authenticator().ifPresent(b::authenticator);
                c.cookieHandler().ifPresent(b::cookieHandler);
                c.executor().ifPresent(b::executor);
                return b.build();
            });
        }
    }
}
