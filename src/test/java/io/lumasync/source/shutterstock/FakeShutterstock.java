package io.lumasync.source.shutterstock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.source.OAuthApiFake.Reply;
import io.lumasync.source.TokenApiFake;
import io.lumasync.testing.TestImages;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shutterstock's API v2 as its reference describes it (api-reference.shutterstock.com): "Authentication" (a bearer
 * token; 401 {@code {"message":"Unauthorized"}}), "List image licenses" (GET /v2/images/licenses with page,
 * per_page, sort and download_availability, answering data / page / per_page / total_count, each licence with id,
 * user, license, download_time, is_downloadable and image {id, format {size}}), "Download image" (POST
 * /v2/images/licenses/{id}/downloads with {"size"}, answering {"url"} on the download host; 404 for a licence the
 * account lacks), "List images" (GET /v2/images?id=…&amp;view=full: description, keywords, contributor, assets with
 * watermarked previews and thumbnails) and "Get details about multiple contributors" (display_name); 429 with
 * Retry-After ("Rate limits").
 */
final class FakeShutterstock extends TokenApiFake {
    static final String TOKEN = "v2/sstk-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] WATERMARKED = TestImages.jpeg(999);

    record Image(String id, String description, List<String> keywords, String contributorId, byte[] licensedBytes) {
    }

    record Licence(String id, String imageId, Instant time, String size) {
    }

    final Map<String, Image> images = new LinkedHashMap<>();
    final List<Licence> licences = new ArrayList<>();
    final List<String> previewUrls = new ArrayList<>();
    final Map<String, String> contributors = new LinkedHashMap<>(Map.of("2001", "Ana Lima", "2002", "Kai Berg"));
    private final int perPageCap;
    private int seq;
    private Instant clock = Instant.parse("2026-04-01T09:00:00Z");

    FakeShutterstock(int perPageCap) {
        this.perPageCap = perPageCap;
    }

    /** An image in the catalogue, not licensed. */
    synchronized String addImage(String description, byte[] bytes, List<String> keywords) {
        String id = Integer.toString(1_500_000 + (++seq));
        images.put(id, new Image(id, description, keywords, seq % 2 == 0 ? "2002" : "2001", bytes.clone()));
        return id;
    }

    /** The account licenses the image (again): a new licence, newest first in the history. */
    synchronized String license(String imageId, byte[] bytes) {
        Image im = images.get(imageId);
        images.put(imageId, new Image(imageId, im.description(), im.keywords(), im.contributorId(), bytes.clone()));
        clock = clock.plusSeconds(3600);
        Licence l = new Licence("e" + Long.toHexString(clock.getEpochSecond()) + imageId, imageId, clock, "huge");
        licences.addFirst(l);
        return l.id();
    }

    /** The agency rewrites an image's description (no new licence, no new file). */
    synchronized void describe(String imageId, String description) {
        Image im = images.get(imageId);
        images.put(imageId, new Image(imageId, description, im.keywords(), im.contributorId(), im.licensedBytes()));
    }

    synchronized void withdraw(String imageId) {
        licences.removeIf(l -> l.imageId().equals(imageId));
    }

    synchronized String idOf(String description) {
        return images.values().stream().filter(i -> i.description().equals(description)).findFirst().orElseThrow().id();
    }

    @Override
    protected boolean authorized(Request request) {
        return ("Bearer " + TOKEN).equals(request.getHeader("Authorization"));
    }

    @Override
    protected Reply unauthorized() {
        return Reply.json(401, "{\"message\":\"Unauthorized\"}");
    }

    @Override
    protected Reply tooManyRequests(int seconds) {
        return Reply.json(429, "{\"message\":\"Too many requests\"}");
    }

    @Override
    protected synchronized Reply api(Request r, String path) {
        String method = r.getMethod().getName();
        if (method.equals("GET") && path.equals("/v2/images/licenses")) {
            return history(r);
        }
        if (method.equals("POST") && path.startsWith("/v2/images/licenses/") && path.endsWith("/downloads")) {
            return download(path.substring("/v2/images/licenses/".length(), path.length() - "/downloads".length()),
                    r.getBodyAsString());
        }
        if (method.equals("GET") && path.equals("/v2/images")) {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode data = out.putArray("data");
            for (String id : values(r, "id")) {
                Image im = images.get(id);
                if (im != null) {
                    data.add(image(im));
                }
            }
            return Reply.json(200, out.toString());
        }
        if (method.equals("GET") && path.equals("/v2/contributors")) {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode data = out.putArray("data");
            for (String id : values(r, "id")) {
                if (contributors.containsKey(id)) {
                    data.addObject().put("id", id).put("display_name", contributors.get(id));
                }
            }
            return Reply.json(200, out.toString());
        }
        return Reply.json(404, "{\"message\":\"Not found\"}");
    }

    private Reply history(Request r) {
        int page = Integer.parseInt(first(r, "page", "1"));
        int perPage = Math.min(perPageCap, Integer.parseInt(first(r, "per_page", "20")));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        for (int i = (page - 1) * perPage; i < Math.min(licences.size(), page * perPage); i++) {
            Licence l = licences.get(i);
            ObjectNode n = data.addObject();
            n.put("id", l.id()).put("license", "standard").put("download_time", l.time().toString())
                    .put("is_downloadable", true).put("subscription_id", "s8906043");
            n.putObject("user").put("username", "studio");
            n.putObject("image").put("id", l.imageId()).putObject("format").put("size", l.size());
        }
        out.put("page", page).put("per_page", perPage).put("total_count", licences.size());
        return Reply.json(200, out.toString());
    }

    private Reply download(String licenceId, String body) {
        Licence l = licences.stream().filter(x -> x.id().equals(licenceId)).findFirst().orElse(null);
        if (l == null) {
            return Reply.json(404, "{\"message\":\"License not found\"}");
        }
        String size;
        try {
            JsonNode b = JSON.readTree(body);
            size = b.path("size").asText("");
        } catch (IOException e) {
            return Reply.json(400, "{\"message\":\"Body is not JSON\"}");
        }
        if (!List.of("small", "medium", "huge", "vector").contains(size)) {
            return Reply.json(400, "{\"message\":\"Invalid size\"}");
        }
        return Reply.json(200, JSON.createObjectNode().put("url", links.issue(images.get(l.imageId()).licensedBytes()))
                .toString());
    }

    private ObjectNode image(Image im) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", im.id()).put("description", im.description()).put("media_type", "image")
                .put("image_type", "photo").put("aspect", 1.5);
        n.putObject("contributor").put("id", im.contributorId());
        ArrayNode k = n.putArray("keywords");
        im.keywords().forEach(k::add);
        ObjectNode assets = n.putObject("assets");
        String preview = links.issue(WATERMARKED);
        previewUrls.add(preview);
        assets.putObject("preview").put("url", preview).put("width", 450).put("height", 300);
        assets.putObject("large_thumb").put("url", links.issue(TestImages.jpeg(998))).put("width", 150).put("height", 100);
        assets.putObject("small_thumb").put("url", links.issue(TestImages.jpeg(997))).put("width", 100).put("height", 67);
        return n;
    }

    private static List<String> values(Request r, String name) {
        QueryParameter p = r.queryParameter(name);
        return p.isPresent() ? p.values() : List.of();
    }

    private static String first(Request r, String name, String dflt) {
        List<String> v = values(r, name);
        return v.isEmpty() ? dflt : v.getFirst();
    }
}
