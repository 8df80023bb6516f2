package io.lumasync.source.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Placeholders;
import io.lumasync.core.Placeholders.Syntax;
import io.lumasync.core.Retrier;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.HeaderValues;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.JsonPaths;
import io.lumasync.http.PlainHttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of a custom API source: fills {placeholders} in the URL and headers ({token}, {token_base64} and
 * any setting such as {username}), sends the token only to the API's own origin and never over plain http to
 * another machine unless allowed ({@link PlainHttp}), follows the configured next-page rule, reads every answer
 * within {@link BodyLimits}, and keeps the token out of every message ({@link #redact}).
 */
final class ApiRequests {
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private final CustomApiMapping mapping;
    private final AdapterConfig cfg;
    private final Optional<String> token;
    private final HttpClient http;
    private final Retrier retrier;

    ApiRequests(CustomApiMapping mapping, AdapterConfig cfg, Optional<String> token, HttpClient http, Retrier retrier) {
        this.mapping = mapping;
        this.cfg = cfg;
        this.token = token.filter(t -> !t.isEmpty());
        this.http = http;
        this.retrier = retrier;
    }

    /** Runs a download and its checks again while they fail with RETRY ({@link #getBytes} is not retried alone). */
    <T> T retried(Retrier.Call<T, RuntimeException> call) throws LumasyncException {
        return retrier.call(call);
    }

    Optional<String> sizeField() {
        return cfg.get("size_field");
    }

    Optional<String> modifiedField() {
        return cfg.get("modified_field");
    }

    /** "the API at api.example.com": how messages name it. */
    String what() {
        try {
            return "the API at " + URI.create(fill(mapping.url(), true).replace(" ", "%20")).getHost();
        } catch (IllegalArgumentException e) {
            return "the API of '" + cfg.name() + "'";
        }
    }

    URI firstPage() throws LumasyncException {
        String url = fill(mapping.url(), true);
        if (url.indexOf('{') >= 0) {
            String name = Placeholders.names(url, Syntax.BRACES).stream().findFirst().orElse("?");
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "'" + cfg.name() + "' needs the setting '" + name
                    + "' (used in its API URL). Fill it in.");
        }
        URI uri = URI.create(url);
        if (!mapping.perPageParam().isBlank() && mapping.perPage() > 0) {
            uri = withParam(uri, mapping.perPageParam(), Integer.toString(mapping.perPage()));
        }
        return switch (mapping.nextKind()) {
            case "page" -> withParam(uri, mapping.nextArgs()[0], "1");
            case "offset" -> withParam(uri, mapping.nextArgs()[0], "0");
            default -> uri;
        };
    }

    /** The next page's address, or null when this was the last page. */
    URI next(URI current, HttpResponse<String> r, JsonNode body, int count, int pageNumber) throws LumasyncException {
        String[] args = mapping.nextArgs();
        boolean shortPage = count == 0 || (mapping.perPage() > 0 && count < mapping.perPage());
        return switch (mapping.nextKind()) {
            case "none" -> null;
            case "link" -> r.headers().allValues("Link").stream()
                    .map(LINK_NEXT::matcher).filter(Matcher::find).map(m -> absolute(current, m.group(1)))
                    .findFirst().orElse(null);
            case "field" -> {
                String v = JsonPaths.text(body, args[0]).orElse("");
                yield v.isBlank() ? null : absolute(current, v);
            }
            case "cursor" -> {
                String v = JsonPaths.text(body, args[0]).orElse("");
                yield v.isBlank() || v.equals("null") ? null : withParam(current, args[1], v);
            }
            case "page" -> shortPage ? null : withParam(current, args[0], Integer.toString(pageNumber + 1));
            case "offset" -> {
                long offset = Long.parseLong(query(current).getOrDefault(args[0], "0"));
                yield shortPage ? null : withParam(current, args[0], Long.toString(offset + count));
            }
            default -> throw new LumasyncException(ErrorKind.UNAVAILABLE, "'" + cfg.name() + "': the next-page rule '"
                    + mapping.next() + "' is not one of none, link, field:…, cursor:…:…, page:…, offset:….");
        };
    }

    /** A listing page, retried while it fails with RETRY. */
    HttpResponse<String> getText(URI uri) throws LumasyncException {
        return retrier.call(() -> getTextOnce(uri));
    }

    private HttpResponse<String> getTextOnce(URI uri) throws LumasyncException {
        HttpResponse<String> r = send(uri, BodyLimits.ofString(BodyLimits.PAGE));
        if (r.statusCode() / 100 != 2) {
            throw HttpErrors.fromResponse(what(), r, redact(snippet(r.body())));
        }
        return r;
    }

    HttpResponse<InputStream> getBytes(URI uri, String itemName, BodyLimits.Limits limits) throws LumasyncException {
        HttpResponse<InputStream> r = send(uri, BodyLimits.ofInputStream(limits));
        if (r.statusCode() / 100 == 2) {
            return r;
        }
        try (InputStream ignored = r.body()) {
            if (r.statusCode() == 404 || r.statusCode() == 410) {
                throw new LumasyncException(ErrorKind.GIVE_UP, itemName + ": " + what() + " says it no longer exists "
                        + "(deleted since the listing). It is skipped; the next sync sees the change.");
            }
            throw HttpErrors.fromResponse(what() + " (downloading " + itemName + ")", r, "");
        } catch (IOException e) {
            throw HttpErrors.fromIo(what(), e);
        }
    }

    private <T> HttpResponse<T> send(URI uri, HttpResponse.BodyHandler<T> handler) throws LumasyncException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("User-Agent", Http.USER_AGENT).header("Accept", "application/json, image/*;q=0.9, */*;q=0.5");
        URI api = URI.create(fill(mapping.url(), true).replace(" ", "%20"));
        if (Http.sameOrigin(api, uri)) {
            if (carriesCredentials()) {
                PlainHttp.requireSafe(uri, cfg.flag(PlainHttp.FIELD), "The source '" + cfg.name() + "'");
            }
            for (Map.Entry<String, String> h : mapping.headers().entrySet()) {
                if (!HeaderValues.isValidName(h.getKey())) {
                    throw new LumasyncException(ErrorKind.UNAVAILABLE, "'" + cfg.name() + "': '" + h.getKey()
                            + "' is not a header name. Edit its headers.");
                }
                b.header(h.getKey(), HeaderValues.clean(fill(h.getValue(), false)));
            }
        }
        try {
            return Http.send(http, b.GET().build(), handler);
        } catch (IOException e) {
            throw HttpErrors.fromIo(what(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, what() + ": interrupted.", e);
        }
    }

    /** A token, or headers (which may hold a typed-in password), go with requests to the API's origin. */
    boolean carriesCredentials() {
        return token.isPresent() || !mapping.headers().isEmpty();
    }

    /** Replaces placeholders; in a URL the token is percent-encoded, in a header it is used as is. */
    String fill(String template, boolean inUrl) {
        return Placeholders.fill(template, Syntax.BRACES, key -> switch (key) {
            case "token" -> token.map(t -> inUrl ? URLEncoder.encode(t, StandardCharsets.UTF_8) : t);
            case "token_base64" -> token.map(t -> Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)));
            default -> cfg.get(key).map(String::strip).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        });
    }

    /** Removes every form of the token from a text shown to the user. */
    String redact(String s) {
        if (token.isEmpty() || s == null) {
            return s;
        }
        String t = token.get();
        return s.replace(t, "***").replace(URLEncoder.encode(t, StandardCharsets.UTF_8), "***")
                .replace(Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8)), "***");
    }

    URI absolute(URI base, String ref) {
        String r = ref.startsWith("//") ? base.getScheme() + ":" + ref : ref; // Contentful's protocol-relative URLs
        return base.resolve(r.replace(" ", "%20"));
    }

    static URI withParam(URI uri, String name, String value) {
        Map<String, String> q = query(uri);
        q.put(name, value);
        StringBuilder sb = new StringBuilder();
        q.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        String s = uri.toString();
        int qm = s.indexOf('?');
        return URI.create((qm < 0 ? s : s.substring(0, qm)) + "?" + sb);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(dec(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : dec(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String dec(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String snippet(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
    }
}
