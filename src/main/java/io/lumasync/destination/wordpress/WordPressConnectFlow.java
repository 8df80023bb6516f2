package io.lumasync.destination.wordpress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.wordpress.api.WpSiteIndex;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * WordPress's own "authorize application" connect flow: the user approves Lumasync in wp-admin
 * ({@code /wp-admin/authorize-application.php}) and WordPress makes an application password for it.
 *
 * <p>WordPress sends the new password to an http:// {@code success_url} (our receiver on 127.0.0.1) only on sites
 * whose environment type is {@code local}; elsewhere it insists on https for that address. So on a site reached
 * over https the flow opens the page without a {@code success_url}: WordPress then shows the password and the user
 * pastes it ({@link #receivesPasswordItself()} is false). Over plain http, application passwords work only on local
 * sites anyway, so the receiver is used there.
 */
public final class WordPressConnectFlow implements AutoCloseable {
    public static final String APP_NAME = "Lumasync";
    /** Lets WordPress group the passwords it makes for Lumasync (Users → Profile → Application Passwords). */
    public static final String APP_ID = "0c7f6a8e-5b1d-4c39-9f0e-6a2d4b8e1f35";
    private static final String PATH = "/wordpress/connected";

    /** What WordPress sent back. {@code toString} hides the password. */
    public record Approved(URI siteUrl, String user, String password) {
        @Override
        public String toString() {
            return "Approved[siteUrl=" + siteUrl + ", user=" + user + ", password=***]";
        }
    }

    private final URI browserUrl;
    private final HttpServer receiver;
    private final String state;
    private final CompletableFuture<Approved> answer = new CompletableFuture<>();

    private WordPressConnectFlow(URI authorizePage, boolean loopback) throws IOException {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        this.state = HexFormat.of().formatHex(nonce);
        StringBuilder url = new StringBuilder(authorizePage.toString())
                .append(authorizePage.getQuery() == null ? '?' : '&')
                .append("app_name=").append(enc(appName()))
                .append("&app_id=").append(enc(APP_ID));
        if (loopback) {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            receiver.createContext(PATH, this::receive);
            receiver.start();
            String back = "http://127.0.0.1:" + receiver.getAddress().getPort() + PATH + "?state=" + state;
            url.append("&success_url=").append(enc(back))
                    .append("&reject_url=").append(enc(back + "&outcome=rejected"));
        } else {
            receiver = null;
        }
        this.browserUrl = URI.create(url.toString());
    }

    /**
     * The name WordPress lists the password under. WordPress refuses a second password with a name the user
     * already has, so reconnecting needs a new one: the computer and the moment say which is which.
     */
    static String appName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this computer";
        }
        return APP_NAME + " on " + host + ", " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).replace('T', ' ');
    }

    /**
     * Prepares the flow for a site: finds its authorize page in the REST index (no sign-in needed) and, where
     * WordPress allows it, starts the receiver on 127.0.0.1.
     */
    public static WordPressConnectFlow begin(WordPressApi anonymous) throws LumasyncException {
        WpSiteIndex index = anonymous.index();
        URI page = authorizePage(index, anonymous.site());
        boolean loopback = "http".equalsIgnoreCase(anonymous.site().getScheme());
        if (loopback && !index.applicationPasswordsEnabled()) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, anonymous.what() + " has application passwords turned"
                    + " off: WordPress allows them over plain http only on local sites. Use the site's https:// address.");
        }
        try {
            return new WordPressConnectFlow(page, loopback);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "Lumasync could not listen on 127.0.0.1 for WordPress's"
                    + " answer (" + e.getMessage() + "). Create an application password by hand instead.", e);
        }
    }

    private static URI authorizePage(WpSiteIndex index, URI site) {
        if (index.authentication().get("application-passwords") instanceof Map<?, ?> ap
                && ap.get("endpoints") instanceof Map<?, ?> endpoints
                && endpoints.get("authorization") instanceof String s && !s.isBlank()) {
            return URI.create(s);
        }
        return URI.create(site + "/wp-admin/authorize-application.php");
    }

    /** The page to open in the user's browser. */
    public URI browserUrl() {
        return browserUrl;
    }

    /** True when WordPress hands the password to Lumasync; false when the user copies it from the page. */
    public boolean receivesPasswordItself() {
        return receiver != null;
    }

    /** Waits for the user to approve in the browser. */
    public Approved await(Duration timeout) throws LumasyncException {
        if (receiver == null) {
            throw new IllegalStateException("WordPress shows the password to the user on this site; nothing to wait for");
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "WordPress did not answer within " + timeout.toMinutes()
                    + " minutes. Start connecting again when you are ready to approve Lumasync in WordPress.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LumasyncException le ? le
                    : new LumasyncException(ErrorKind.GIVE_UP, "Connecting to WordPress failed.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.GIVE_UP, "Connecting to WordPress was stopped.", e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String page;
        int status = 200;
        if (!state.equals(q.get("state"))) {
            // Not the answer to our request (another page poking at the port): ignore it.
            status = 400;
            page = "This address is waiting for WordPress's answer to Lumasync, and this is not it.";
        } else if ("rejected".equals(q.get("outcome")) || "false".equals(q.get("success"))) {
            answer.completeExceptionally(new LumasyncException(ErrorKind.GIVE_UP,
                    "You declined the connection in WordPress, so Lumasync was not connected."));
            page = "Lumasync was not connected. You can close this tab.";
        } else if (q.containsKey("password") && q.containsKey("user_login") && q.containsKey("site_url")) {
            answer.complete(new Approved(URI.create(q.get("site_url")), q.get("user_login"), q.get("password")));
            page = "Lumasync is connected to your WordPress site. You can close this tab.";
        } else {
            status = 400;
            page = "WordPress's answer is missing the password. Try connecting again.";
        }
        byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Lumasync</title></head><body><p>"
                + page + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }
}
