package io.lumasync.http;

import java.net.http.HttpClient;
import java.time.Duration;

/** The one HTTP client factory: HTTP/1.1+2, sensible timeouts, redirects followed (never https → http). */
public final class Http {
    public static final String USER_AGENT = "Lumasync/0.1 (+https://github.com/lumasync/lumasync)";

    private Http() {
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }
}
