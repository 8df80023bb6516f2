package io.lumasync.source.gdrive;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lumasync.testing.TestImages;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Drive's {@code thumbnailLink}s point: another host (lh3.googleusercontent.com in the service), not the API.
 * A link is short-lived ("typically lasts on the order of hours") and, for a file not shared publicly, must be
 * fetched with the user's credentials (files resource reference). Its errors are the host's own HTML pages, not
 * Drive's JSON errors.
 */
final class ThumbnailHost implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("/drive-storage/([A-Za-z0-9-]+)=s(\\d+)");

    private final HttpServer server;
    private final Predicate<String> credentials;
    private final ConcurrentHashMap<String, String> live = new ConcurrentHashMap<>(); // link key -> file id
    final AtomicInteger requests = new AtomicInteger();
    final ConcurrentHashMap<String, Boolean> sawCredentials = new ConcurrentHashMap<>();

    ThumbnailHost(Predicate<String> credentials) {
        this.credentials = credentials;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private volatile boolean expireOnIssue;

    /** A fresh short-lived link for a file's thumbnail, as files.get returns it. */
    String link(String fileId) {
        String key = UUID.randomUUID().toString();
        if (!expireOnIssue) {
            live.put(key, fileId);
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/drive-storage/" + key + "=s220";
    }

    /** Links handed out from now on have run out by the time they are used (and those so far too). */
    void expireAfterHandingOut() {
        expireOnIssue = true;
        live.clear();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            requests.incrementAndGet();
            String auth = x.getRequestHeaders().getFirst("Authorization");
            sawCredentials.put(x.getRequestURI().getPath(), auth != null);
            Matcher m = PATH.matcher(x.getRequestURI().getPath());
            if (!m.matches() || !live.containsKey(m.group(1))) {
                html(x, 404, "Error 404 (Not Found)!!1");
                return;
            }
            if (!credentials.test(auth)) {
                html(x, 403, "Error 403 (Forbidden)!!1");
                return;
            }
            byte[] jpeg = TestImages.jpeg(98);
            x.getResponseHeaders().set("Content-Type", "image/jpeg");
            x.sendResponseHeaders(200, jpeg.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(jpeg);
            }
        }
    }

    private static void html(HttpExchange x, int status, String title) throws IOException {
        byte[] body = ("<!DOCTYPE html><html lang=en><title>" + title + "</title><p><b>" + status + ".</b> That’s an "
                + "error.").getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
