package io.lumasync.destination.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.http.CostBucketBudget;
import io.lumasync.http.Http;
import io.lumasync.http.HttpErrors;
import io.lumasync.http.MultipartForm;
import io.lumasync.http.PlainHttp;
import io.lumasync.http.PublicFiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Shopify's Admin GraphQL API as Lumasync uses it: one POST per document to
 * {@code /admin/api/<version>/graphql.json} with the custom app's token in {@code X-Shopify-Access-Token}, paced by
 * the shop's cost bucket (learned from every answer's {@code extensions.cost.throttleStatus}), and the staged
 * upload's POST to the storage address Shopify hands out (without the token). Failures come out classified, in
 * words for the shop owner; the token never appears in them.
 */
final class ShopifyApi {
    /** The pinned Admin API version; shown in the capability notes. */
    static final String API_VERSION = "2026-10";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final Duration UPLOAD = Duration.ofMinutes(5);

    /** A staged upload target: where to POST the bytes, the form fields to send first, and the URL fileCreate takes. */
    record StagedTarget(URI url, URI resourceUrl, List<String[]> parameters) {
    }

    private final HttpClient http;
    private final URI shop;
    private final String token;
    private final CostBucketBudget budget;
    private final boolean allowPlainHttp;

    ShopifyApi(HttpClient http, URI shop, String token, CostBucketBudget budget, boolean allowPlainHttp) {
        this.http = http;
        this.shop = shop;
        this.token = token;
        this.budget = budget;
        this.allowPlainHttp = allowPlainHttp;
    }

    String what() {
        return "The Shopify store " + shop.getHost() + (shop.getPort() > 0 ? ":" + shop.getPort() : "");
    }

    URI shop() {
        return shop;
    }

    CostBucketBudget budget() {
        return budget;
    }

    static ObjectNode variables() {
        return JSON.createObjectNode();
    }

    /**
     * Runs one GraphQL document and returns its {@code data}. Top-level errors are classified: THROTTLED is RETRY
     * after the time the bucket needs, ACCESS_DENIED names the missing scope and asks to reconnect, others give up.
     */
    JsonNode graphql(String document, ObjectNode variables, double cost, String action) throws LumasyncException {
        URI endpoint = URI.create(shop + "/admin/api/" + API_VERSION + "/graphql.json");
        PlainHttp.requireSafe(endpoint, allowPlainHttp, what());
        ObjectNode body = JSON.createObjectNode().put("query", document);
        body.set("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(SHORT)
                .header("User-Agent", Http.USER_AGENT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            budget.acquire(cost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Stopped while waiting to " + action + ".", e);
        }
        HttpResponse<String> r = send(request, BodyLimits.ofString(BodyLimits.PAGE), action);
        budget.observe(r.statusCode(), r.headers());
        JsonNode answer = parseQuietly(r.body());
        if (r.statusCode() != 200) {
            throw statusError(r, answer, action);
        }
        if (answer == null || !answer.isObject()) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, what() + " sent an answer Lumasync cannot read while"
                    + " trying to " + action + ". Check the store address (it should end in .myshopify.com).");
        }
        JsonNode throttle = answer.path("extensions").path("cost").path("throttleStatus");
        if (throttle.isObject()) {
            budget.learn(throttle.path("currentlyAvailable").asDouble(Double.NaN),
                    throttle.path("maximumAvailable").asDouble(Double.NaN),
                    throttle.path("restoreRate").asDouble(Double.NaN));
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw graphqlError(errors, answer, cost, action);
        }
        return answer.path("data");
    }

    /** POSTs the bytes to a staged target: its parameters first, the file last, as the storage service requires. */
    void stagedUpload(StagedTarget target, byte[] bytes, String fileName, String mimeType) throws LumasyncException {
        URI url = target.url();
        String scheme = String.valueOf(url.getScheme());
        if (!(scheme.equals("https") || scheme.equals("http") && PlainHttp.isLoopback(url.getHost()))) {
            throw new LumasyncException(ErrorKind.GIVE_UP, what() + " gave an upload address that is not https ("
                    + url.getScheme() + "://" + url.getHost() + "); Lumasync does not send your files there.");
        }
        MultipartForm form = new MultipartForm();
        for (String[] p : target.parameters()) {
            form.field(p[0], p[1]);
        }
        form.file("file", fileName, mimeType, bytes);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(UPLOAD)
                .header("User-Agent", Http.USER_AGENT)
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build();
        HttpResponse<String> r = send(request, BodyLimits.ofString(BodyLimits.PAGE), "upload " + fileName);
        if (r.statusCode() / 100 != 2) {
            if (r.statusCode() == 400 && r.body().contains("EntityTooLarge")) {
                throw LumasyncException.giveUp(fileName + " is too large for Shopify's upload storage.");
            }
            throw HttpErrors.fromStatus("Shopify's upload storage", r.statusCode(), r.headers(), "");
        }
    }

    /** Downloads a file from Shopify's CDN (public; no token), bounded like every download. */
    byte[] download(String url) throws LumasyncException {
        return PublicFiles.download(http, url, "Shopify");
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String action)
            throws LumasyncException {
        try {
            return Http.send(http, request, handler);
        } catch (IOException e) {
            throw HttpErrors.fromIo(what() + " (trying to " + action + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, "Stopped while trying to " + action + ".", e);
        }
    }

    private LumasyncException statusError(HttpResponse<String> r, JsonNode answer, String action) {
        String detail = answer == null ? "" : answer.path("errors").isTextual() ? answer.path("errors").asText()
                : answer.path("errors").path(0).path("message").asText("");
        return switch (r.statusCode()) {
            case 401 -> new LumasyncException(ErrorKind.REAUTH, what() + " did not accept the Admin API access token"
                    + " (it was revoked, or the app was uninstalled). Reconnect: in Shopify admin, Settings → Apps and"
                    + " sales channels → Develop apps → your app → API credentials, reveal or create the token and"
                    + " paste it into this destination.");
            case 402 -> new LumasyncException(ErrorKind.UNAVAILABLE, what() + " is frozen (Shopify answered"
                    + " 'payment required'), so it takes no files. Settle the shop's bill, then push again.");
            case 403 -> new LumasyncException(ErrorKind.REAUTH, what() + " refused the request while trying to "
                    + action + (detail.isBlank() ? "" : " (" + detail + ")") + ". Check the app's Admin API scopes"
                    + " (write_files and read_files) and reconnect.");
            case 404 -> new LumasyncException(ErrorKind.GIVE_UP, what() + " was not found while trying to " + action
                    + ". Check the store address: it is the shop's myshopify.com name, e.g. my-shop.myshopify.com.");
            case 423 -> new LumasyncException(ErrorKind.UNAVAILABLE, what() + " is locked by Shopify, so it takes no"
                    + " files. Contact Shopify support.");
            default -> HttpErrors.fromStatus(what(), r.statusCode(), r.headers(), detail);
        };
    }

    private LumasyncException graphqlError(JsonNode errors, JsonNode answer, double cost, String action) {
        List<String> messages = new ArrayList<>();
        for (JsonNode e : errors) {
            String code = e.path("extensions").path("code").asText("");
            if (code.equals("THROTTLED")) {
                double requested = answer.path("extensions").path("cost").path("requestedQueryCost").asDouble(cost);
                Duration wait = budget.timeUntil(requested);
                return new LumasyncException(ErrorKind.RETRY, what() + " asked Lumasync to slow down (its API cost"
                        + " budget is used up); it will go on in " + Math.max(1, wait.toSeconds()) + " s.",
                        wait.isZero() ? Duration.ofSeconds(1) : wait, null);
            }
            if (code.equals("ACCESS_DENIED")) {
                String required = e.path("extensions").path("requiredAccess").asText("");
                return new LumasyncException(ErrorKind.REAUTH, what() + " does not let this app " + action
                        + (required.isBlank() ? "" : ": it needs " + required) + ". Add the scope to the custom app"
                        + " (Settings → Apps and sales channels → Develop apps → your app → Configuration), install"
                        + " the update and reconnect.");
            }
            if (code.equals("INTERNAL_SERVER_ERROR")) {
                return new LumasyncException(ErrorKind.RETRY, what() + " had an internal error while trying to "
                        + action + "; Lumasync will try again.");
            }
            messages.add(e.path("message").asText("unknown error"));
        }
        return LumasyncException.giveUp(what() + " refused to " + action + ": " + String.join("; ", messages));
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
