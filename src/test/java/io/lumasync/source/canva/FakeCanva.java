package io.lumasync.source.canva;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.OAuthServerRules;
import io.lumasync.source.SignedLinks;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canva's Connect API as its reference describes it (canva.dev/docs/connect/api-reference): "List designs"
 * (GET /v1/designs, {@code items} and {@code continuation}), "List folder items" (GET /v1/folders/{id}/items,
 * items tagged {@code type: design}), "Get design" and "Get design pages" (GET /v1/designs/{id}/pages with
 * offset/limit, each page with its thumbnail), "Create design export job" (POST /v1/exports: design_id, format
 * type, quality required for jpg, pages counted from 1) and "Get design export job" (in_progress, then success with
 * one URL per page, valid 24 hours, or failed with error.code license_required / approval_required /
 * internal_failure); errors as {@code {"code", "message"}} ("Responses"), 401 invalid_access_token, 429
 * too_many_requests with Retry-After. Sign-in ("Authentication", "Generate an access token"): PKCE, the exact
 * registered redirect, the challenge method written {@code s256} as that guide writes it, and the client secret
 * in the token requests.
 */
final class FakeCanva extends OAuthApiFake {
    static final String CLIENT_ID = "OC-AZtestClientId";
    static final String CLIENT_SECRET = "cnvca-test-client-secret";
    static final String FOLDER = "FAFolder123";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A design: its pages are what an export of each page gives. */
    static final class Design {
        final String id;
        final String title;
        final List<byte[]> pages = new ArrayList<>();
        long updatedAt = 1_760_000_000L;

        Design(String id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    private record Job(String id, String designId, List<Integer> pages, AtomicInteger polls) {
    }

    final Map<String, Design> designs = new LinkedHashMap<>(); // by title
    final Set<String> needsLicence = new HashSet<>();
    final AtomicInteger exports = new AtomicInteger();
    final AtomicInteger pageListings = new AtomicInteger();
    final SignedLinks links;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final int listPageSize;
    private volatile boolean pagesEndpointMissing;
    /** Export jobs stay in_progress for ever. */
    volatile boolean exportsHang;
    private int ids;

    FakeCanva(int listPageSize, int redirectPort) {
        super(new OAuthServerRules.Registration(CLIENT_ID, Optional.of(CLIENT_SECRET),
                u -> u.toString().equals("http://127.0.0.1:" + redirectPort + "/callback"), true));
        this.listPageSize = listPageSize;
        links = new SignedLinks(baseUri().toString());
    }

    FakeCanva() {
        this(2, OAuthProvider.CANVA_LOOPBACK_PORT);
    }

    /** Sets (or adds) page {@code n} of the design titled {@code title}; the design's updated_at moves. */
    synchronized void setPage(String title, int n, byte[] bytes) {
        Design d = designs.computeIfAbsent(title, t -> new Design("DAF" + (++ids) + "xYz", t));
        while (d.pages.size() < n) {
            d.pages.add(new byte[0]);
        }
        d.pages.set(n - 1, bytes.clone());
        d.updatedAt += 60;
    }

    synchronized void removeDesign(String title) {
        designs.remove(title);
    }

    /** The preview API "Get design pages" is not granted to this integration (404). */
    void withoutPagesEndpoint() {
        pagesEndpointMissing = true;
    }

    @Override
    protected Reply unauthenticated(Request request, String path) {
        return links.serve(path);
    }

    @Override
    protected Reply unauthorized(boolean expired) {
        return error(401, "invalid_access_token", "Access token is invalid or expired");
    }

    @Override
    protected Reply tooManyRequests(int seconds) {
        return error(429, "too_many_requests", "Rate limit exceeded; try again later");
    }

    static Reply error(int status, String code, String message) {
        return Reply.json(status, JSON.createObjectNode().put("code", code).put("message", message).toString());
    }

    @Override
    protected synchronized Reply api(Request r, String path) {
        Map<String, String> q = form(URI.create(r.getUrl()).getRawQuery());
        String method = r.getMethod().getName();
        String[] p = path.split("/"); // "", "rest", "v1", ...
        if (p.length < 4 || !p[1].equals("rest") || !p[2].equals("v1")) {
            return error(404, "not_found", "Not found");
        }
        if (method.equals("GET") && p.length == 4 && p[3].equals("designs")) {
            return listed(new ArrayList<>(designs.values()), q, false);
        }
        if (method.equals("GET") && p.length == 6 && p[3].equals("folders") && p[5].equals("items")) {
            return p[4].equals(FOLDER) ? listed(new ArrayList<>(designs.values()), q, true)
                    : error(404, "folder_not_found", "Folder not found");
        }
        if (method.equals("GET") && p.length >= 5 && p[3].equals("designs")) {
            Design d = byId(p[4]);
            if (d == null) {
                return error(404, "design_not_found", "Design not found");
            }
            if (p.length == 5) {
                ObjectNode out = JSON.createObjectNode();
                out.set("design", design(d));
                return Reply.json(200, out.toString());
            }
            if (p.length == 6 && p[5].equals("pages")) {
                return pages(d, q);
            }
        }
        if (method.equals("POST") && p.length == 4 && p[3].equals("exports")) {
            return createExport(r.getBodyAsString());
        }
        if (method.equals("GET") && p.length == 5 && p[3].equals("exports")) {
            Job j = jobs.get(p[4]);
            return j == null ? error(404, "export_not_found", "Export job not found") : job(j);
        }
        return error(404, "not_found", "Not found");
    }

    private Reply listed(List<Design> all, Map<String, String> q, boolean folder) {
        int from = Integer.parseInt(q.getOrDefault("continuation", "0"));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("items");
        for (int i = from; i < Math.min(all.size(), from + listPageSize); i++) {
            if (folder) {
                items.addObject().put("type", "design").set("design", design(all.get(i)));
            } else {
                items.add(design(all.get(i)));
            }
        }
        if (from + listPageSize < all.size()) {
            out.put("continuation", Integer.toString(from + listPageSize));
        }
        return Reply.json(200, out.toString());
    }

    private ObjectNode design(Design d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", d.id).put("title", d.title);
        n.putObject("owner").put("user_id", "UAFuser1").put("team_id", "BAFteam1");
        thumb(n.putObject("thumbnail"), d.pages.getFirst());
        n.putObject("urls").put("edit_url", "https://www.canva.com/api/design/" + d.id + "/edit")
                .put("view_url", "https://www.canva.com/api/design/" + d.id + "/view");
        n.put("created_at", 1_700_000_000L).put("updated_at", d.updatedAt).put("page_count", d.pages.size());
        return n;
    }

    private void thumb(ObjectNode t, byte[] page) {
        t.put("width", 595).put("height", 335).put("url", links.issue(page));
    }

    private Reply pages(Design d, Map<String, String> q) {
        if (pagesEndpointMissing) {
            return error(404, "not_found", "Not found");
        }
        pageListings.incrementAndGet();
        int offset = Integer.parseInt(q.getOrDefault("offset", "1"));
        int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
        if (offset < 1 || limit < 1 || limit > 200) {
            return error(400, "invalid_field", "offset must be at least 1 and limit 1 to 200");
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("items");
        for (int i = offset; i <= Math.min(d.pages.size(), offset + limit - 1); i++) {
            ObjectNode page = items.addObject().put("index", i);
            thumb(page.putObject("thumbnail"), d.pages.get(i - 1));
        }
        return Reply.json(200, out.toString());
    }

    private Reply createExport(String body) {
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            return error(400, "invalid_field", "Request body is not JSON");
        }
        Design d = byId(req.path("design_id").asText());
        if (d == null) {
            return error(404, "design_not_found", "Design not found");
        }
        JsonNode fmt = req.path("format");
        String type = fmt.path("type").asText();
        if (!List.of("pdf", "jpg", "png", "gif", "pptx", "mp4").contains(type)) {
            return error(400, "invalid_field", "format.type is invalid");
        }
        if (type.equals("jpg") && (!fmt.path("quality").isInt() || fmt.path("quality").asInt() < 1
                || fmt.path("quality").asInt() > 100)) {
            return error(400, "invalid_field", "format.quality must be 1 to 100 for jpg");
        }
        List<Integer> pages = new ArrayList<>();
        for (JsonNode n : fmt.path("pages")) {
            if (n.asInt() < 1 || n.asInt() > d.pages.size()) {
                return error(400, "invalid_field", "format.pages holds a page the design does not have");
            }
            pages.add(n.asInt());
        }
        if (pages.isEmpty()) {
            for (int i = 1; i <= d.pages.size(); i++) {
                pages.add(i);
            }
        }
        exports.incrementAndGet();
        Job j = new Job("e08861ae-" + exports.get(), d.id, pages, new AtomicInteger());
        jobs.put(j.id(), j);
        return job(j);
    }

    /** A job answers in_progress twice, then with its result. */
    private Reply job(Job j) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode job = out.putObject("job").put("id", j.id());
        Design d = byId(j.designId());
        if (j.polls().getAndIncrement() < 2 || exportsHang) {
            job.put("status", "in_progress");
        } else if (d == null || needsLicence.contains(d.title)) {
            job.put("status", "failed");
            job.putObject("error").put("code", d == null ? "internal_failure" : "license_required")
                    .put("message", d == null ? "Export failed" : "The design contains premium elements");
        } else {
            job.put("status", "success");
            ArrayNode urls = job.putArray("urls");
            j.pages().forEach(n -> urls.add(links.issue(d.pages.get(n - 1))));
        }
        return Reply.json(200, out.toString());
    }

    private Design byId(String id) {
        return designs.values().stream().filter(d -> d.id.equals(id)).findFirst().orElse(null);
    }
}
