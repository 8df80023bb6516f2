package io.lumasync.destination.wordpress;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.wordpress.api.CompanionInfo;
import io.lumasync.destination.wordpress.api.WpMedia;
import io.lumasync.destination.wordpress.api.WpPage;
import io.lumasync.destination.wordpress.api.WpSiteIndex;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WordPress REST API as Lumasync uses it: core media routes ({@code /wp/v2/media}) and the companion plugin's
 * routes ({@code /lumasync/v1/…}), authenticated with an application password (HTTP Basic). Every failure comes
 * out as a classified {@link LumasyncException} worded by {@link WordPressErrors}. The password never appears in a
 * message.
 */
public final class WordPressApi {
    static final String COMPANION_NAMESPACE = "lumasync/v1";
    static final String SYNC_ID_META = "lumasync_sync_id";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // WordPress encodes an empty object as [] (PHP arrays): "meta": [] on a site without registered meta.
            .configure(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration SHORT = Duration.ofSeconds(60);
    // Large uploads on slow hosts: WordPress makes all sub-sizes before it answers.
    private static final Duration UPLOAD = Duration.ofMinutes(5);
    private static final Pattern GENERATOR = Pattern.compile("<generator>[^<]*\\?v=([0-9][0-9.]*[0-9A-Za-z-]*)</generator>");

    private final HttpClient http;
    private final URI site;
    private final String user;
    private final String authorization;
    private final SiteCredentialRule credentialRule;
    private final WordPressErrors errors;
    // When pretty permalinks are off, /wp-json/ is not routed and ?rest_route= is the way in.
    private volatile boolean queryRoutes;

    /** A server's answer: status, headers and the whole body (media answers are small). */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public WordPressApi(HttpClient http, URI site, String user, String password) {
        this(http, site, user, password, false);
    }

    /** {@code allowPlainHttp}: the user's choice to send the password unencrypted to a site on another machine. */
    public WordPressApi(HttpClient http, URI site, String user, String password, boolean allowPlainHttp) {
        this.http = http;
        this.site = normalise(site);
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.credentialRule = new SiteCredentialRule(this.site, allowPlainHttp);
        this.errors = new WordPressErrors(this.site, user);
    }

    /** For what needs no sign-in (the REST index, the connect flow). */
    public static WordPressApi anonymous(HttpClient http, URI site) {
        return new WordPressApi(http, site, "", "");
    }

    /** The site address without a trailing slash. */
    public URI site() {
        return site;
    }

    public String user() {
        return user;
    }

    String what() {
        return errors.what();
    }

    static URI normalise(URI site) {
        String s = site.toString().strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    // ---- site ---------------------------------------------------------------------------------------------

    /** The REST index, fetched without credentials (it is public); finds the way in when permalinks are plain. */
    public WpSiteIndex index() throws LumasyncException {
        Answer a = send(get(restUri("/", Map.of())), "reach the site", false);
        if (a.status() == 404 && !WordPressErrors.isJson(a) && !queryRoutes) {
            queryRoutes = true;
            Answer b = send(get(restUri("/", Map.of())), "reach the site", false);
            if (b.status() / 100 == 2 && WordPressErrors.isJson(b)) {
                WpSiteIndex index = parse(b, WpSiteIndex.class, "read the site's REST index");
                errors.noteApplicationPasswords(Optional.of(index.applicationPasswordsEnabled()));
                return index;
            }
            queryRoutes = false;
        }
        WpSiteIndex index = parse(expectOk(a, "reach the site"), WpSiteIndex.class, "read the site's REST index");
        errors.noteApplicationPasswords(Optional.of(index.applicationPasswordsEnabled()));
        return index;
    }

    /** The signed-in user ({@code context=edit}: includes roles and capabilities). Checks the password. */
    public Map<String, Object> me() throws LumasyncException {
        Answer a = send(get(restUri("/wp/v2/users/me", Map.of("context", "edit"))), "check the account", true);
        return parse(expectOk(a, "check the account"), new TypeReference<>() { }, "read the account");
    }

    /** The companion plugin's report; empty when the plugin is not active. */
    public Optional<CompanionInfo> companionInfo() throws LumasyncException {
        Answer a = send(get(restUri("/" + COMPANION_NAMESPACE + "/info", Map.of())), "ask the companion plugin", true);
        if (a.status() == 404 && WordPressErrors.code(a).equals("rest_no_route")) {
            return Optional.empty();
        }
        return Optional.of(parse(expectOk(a, "ask the companion plugin"), CompanionInfo.class, "read the plugin's report"));
    }

    /** The WordPress version from the feed's generator line (the REST index does not tell it). */
    public Optional<String> versionFromFeed() throws LumasyncException {
        URI feed = queryRoutes ? URI.create(site + "/?feed=rss2") : URI.create(site + "/feed/");
        Answer a = send(get(feed), "read the site's feed", false);
        if (a.status() / 100 != 2) {
            return Optional.empty();
        }
        Matcher m = GENERATOR.matcher(a.text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    // ---- media --------------------------------------------------------------------------------------------

    /**
     * Uploads a file as a new attachment in one request: raw body, Content-Disposition, Content-MD5 (WordPress
     * checks it and refuses a damaged body), and the text fields as query parameters.
     */
    public WpMedia upload(byte[] bytes, String fileName, String mimeType, Map<String, String> fields)
            throws LumasyncException {
        Map<String, String> query = new LinkedHashMap<>(fields);
        query.put("context", "edit");
        HttpRequest.Builder b = fileRequest(restUri("/wp/v2/media", query), bytes, fileName, mimeType);
        Answer a = send(b, "upload " + fileName, true);
        return parse(expectOk(a, "upload " + fileName), WpMedia.class, "read the upload's answer");
    }

    /** Replaces an attachment's file through the companion plugin: same ID, same address when the format stays. */
    public WpMedia replaceFile(long id, byte[] bytes, String fileName, String mimeType) throws LumasyncException {
        HttpRequest.Builder b = fileRequest(restUri("/" + COMPANION_NAMESPACE + "/media/" + id + "/file", Map.of()),
                bytes, fileName, mimeType);
        Answer a = send(b, "replace " + fileName, true);
        return parse(expectOk(a, "replace " + fileName), WpMedia.class, "read the replace answer");
    }

    public WpMedia updateMedia(long id, Map<String, Object> fields) throws LumasyncException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "Lumasync could not write the image's text fields.", e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(restUri("/wp/v2/media/" + id, Map.of("context", "edit")))
                .timeout(SHORT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Answer a = send(b, "update the text of attachment " + id, true);
        return parse(expectOk(a, "update the text of attachment " + id), WpMedia.class, "read the update's answer");
    }

    /** An attachment by id; empty when there is none (deleted in WordPress). */
    public Optional<WpMedia> media(long id) throws LumasyncException {
        Answer a = send(get(restUri("/wp/v2/media/" + id, Map.of("context", "edit"))), "look up attachment " + id, true);
        if (a.status() == 404 && WordPressErrors.isJson(a)) {
            return Optional.empty();
        }
        return Optional.of(parse(expectOk(a, "look up attachment " + id), WpMedia.class, "read attachment " + id));
    }

    /** Deletes for good (the media library has no trash over REST); an attachment already gone is fine. */
    public void deleteMedia(long id) throws LumasyncException {
        HttpRequest.Builder b = HttpRequest.newBuilder(restUri("/wp/v2/media/" + id, Map.of("force", "true")))
                .timeout(SHORT).DELETE();
        Answer a = send(b, "delete attachment " + id, true);
        if (a.status() == 404 && WordPressErrors.code(a).equals("rest_post_invalid_id")) {
            return;
        }
        expectOk(a, "delete attachment " + id);
    }

    /** One page of the media library, oldest first so pages stay stable while new uploads arrive. */
    public WpPage<WpMedia> listMedia(int page, int perPage, String order) throws LumasyncException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("context", "edit");
        q.put("page", Integer.toString(page));
        q.put("per_page", Integer.toString(perPage));
        q.put("orderby", "id");
        q.put("order", order);
        Answer a = send(get(restUri("/wp/v2/media", q)), "list the media library", true);
        if (a.status() == 400 && WordPressErrors.code(a).equals("rest_post_invalid_page_number")) {
            return new WpPage<>(List.of(), 0, 0);
        }
        List<WpMedia> items = parse(expectOk(a, "list the media library"), new TypeReference<>() { },
                "read the media list");
        long total = a.headers().firstValue("X-WP-Total").map(Long::parseLong).orElse((long) items.size());
        int pages = a.headers().firstValue("X-WP-TotalPages").map(Integer::parseInt).orElse(1);
        return new WpPage<>(items, total, pages);
    }

    /**
     * The signed-in user's attachment that was uploaded with this sync id and whose file has the MD5 {@code md5Hex}
     * (companion plugin only).
     */
    public Optional<WpMedia> findBySyncId(String syncId, String md5Hex) throws LumasyncException {
        String safe = syncId.replaceAll("[^A-Za-z0-9._:-]", "_");
        Answer a = send(get(restUri("/" + COMPANION_NAMESPACE + "/sync/" + safe, Map.of("md5", md5Hex))),
                "look up an upload", true);
        if (a.status() == 404 && WordPressErrors.isJson(a)) {
            return Optional.empty();
        }
        return Optional.of(parse(expectOk(a, "look up an upload"), WpMedia.class, "read the lookup's answer"));
    }

    /**
     * Downloads a file of the site (an attachment's address); signed in only when the address is on the site
     * itself, so a file served from a CDN or another host never receives the password.
     */
    public byte[] download(String url) throws LumasyncException {
        URI uri;
        try {
            uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            throw LumasyncException.giveUp(what() + " gave the address '" + url + "' for a file, which is not a web address.");
        }
        Answer a = send(get(uri), "download " + url, credentialRule.sameOrigin(uri));
        if (a.status() / 100 != 2) {
            throw errors.fromAnswer(a, "download " + url);
        }
        return a.body();
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    URI restUri(String route, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(site.toString());
        if (queryRoutes) {
            sb.append("/?rest_route=").append(encode(route));
        } else {
            sb.append("/wp-json").append(route);
        }
        char sep = queryRoutes ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(SHORT).GET();
    }

    private static HttpRequest.Builder fileRequest(URI uri, byte[] bytes, String fileName, String mimeType) {
        return HttpRequest.newBuilder(uri)
                .timeout(UPLOAD)
                .header("Content-Type", mimeType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                // WordPress compares this with PHP's md5() of the body: hex, not the base64 of RFC 1864.
                .header("Content-MD5", md5Hex(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private Answer send(HttpRequest.Builder b, String action, boolean authenticated) throws LumasyncException {
        b.header("User-Agent", Http.USER_AGENT).header("Accept", "application/json");
        try {
            HttpRequest request = b.build();
            if (authenticated) {
                credentialRule.require(request.uri(), what());
                request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
            }
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw HttpErrors.fromIo(what() + " (trying to " + action + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Stopped while trying to " + action + ".", e);
        } catch (IllegalArgumentException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE,
                    "The site address '" + site + "' is not a web address Lumasync can use. Check it in the settings.", e);
        }
    }

    private Answer expectOk(Answer a, String action) throws LumasyncException {
        if (a.status() / 100 == 2 && WordPressErrors.isJson(a)) {
            return a;
        }
        if ((a.status() == 401 || a.status() == 403) && !errors.knowsApplicationPasswords()) {
            // Was the password ignored because WordPress turned application passwords off (plain http)?
            errors.noteApplicationPasswords(applicationPasswordsEnabledQuietly());
        }
        throw errors.fromAnswer(a, action);
    }

    private Optional<Boolean> applicationPasswordsEnabledQuietly() {
        try {
            Answer a = send(get(restUri("/", Map.of())), "reach the site", false);
            if (a.status() / 100 == 2 && WordPressErrors.isJson(a)) {
                return Optional.of(JSON.readValue(a.body(), WpSiteIndex.class).applicationPasswordsEnabled());
            }
        } catch (LumasyncException | IOException e) {
            // Only a hint for the message; the original failure is what gets reported.
        }
        return Optional.empty();
    }

    private <T> T parse(Answer a, Class<T> type, String action) throws LumasyncException {
        try {
            return JSON.readValue(a.body(), type);
        } catch (IOException e) {
            throw errors.unreadable(action, e);
        }
    }

    private <T> T parse(Answer a, TypeReference<T> type, String action) throws LumasyncException {
        try {
            return JSON.readValue(a.body(), type);
        } catch (IOException e) {
            throw errors.unreadable(action, e);
        }
    }
}
