package io.lumasync.source.canva;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.BodyLimits;
import io.lumasync.source.AdapterState;
import io.lumasync.source.DescribedSource;
import io.lumasync.source.ExpiringLinks;
import io.lumasync.source.JsonApi;
import io.lumasync.source.Listing;
import io.lumasync.source.RemoteAssets;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Canva designs (all of the account's, or one folder's), each chosen page its own asset, exported by Canva's
 * asynchronous export jobs. A design whose {@code updated_at} did not move keeps its pages' fingerprints without
 * another request; when it moved, each page's fingerprint is the hash of its page thumbnail, so a new or edited page
 * republishes alone (where the pages endpoint is unavailable, every page of an edited design is sent again).
 * Export jobs are polled a bounded number of times; their download addresses expire after 24 hours and are never
 * kept.
 */
public final class CanvaSource implements Source, DescribedSource {
    private static final int MAX_LIST_PAGES = 1000;
    private static final int MAX_POLLS = 40;
    private static final int PAGES_PER_CALL = 200;

    /** One design as the last listing saw it. */
    record DesignState(long updatedAt, String settings, List<String> pageHashes) {
    }

    /** One listed page: where it is. */
    record Page(String designId, int index, String title) {
    }

    record State(Map<String, DesignState> designs, Map<String, Page> pages) {
        static State empty() {
            return new State(new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    private final CanvaApi api;
    private final String folderId;
    private final Set<Integer> chosenPages;
    private final String format;
    private final int quality;
    private final Path dataDir;
    private final Retrier.Sleeper pollWait;
    private final AdapterState<State> state;

    CanvaSource(CanvaApi api, String folderId, Set<Integer> chosenPages, String format, int quality, Path dataDir,
                Retrier.Sleeper pollWait) {
        this.api = api;
        this.folderId = folderId;
        this.chosenPages = Set.copyOf(chosenPages);
        this.format = format;
        this.quality = quality;
        this.dataDir = dataDir;
        this.pollWait = pollWait;
        this.state = new AdapterState<>(dataDir, "canva-state.json", State.class);
    }

    /** Each listed page's own text, from the last listing. */
    private final Map<String, AssetMetadata> described = new ConcurrentHashMap<>();

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        Map<String, AssetMetadata> texts = new LinkedHashMap<>();
        State before = state.load().orElse(State.empty());
        State after = State.empty();
        List<SourceItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode design : designs(problems)) {
            String id = design.path("id").asText("");
            if (id.isEmpty()) {
                continue;
            }
            String title = RemoteAssets.safeName(design.path("title").asText(""));
            title = title.isEmpty() ? "Untitled design " + id : title;
            long updated = design.path("updated_at").asLong(0);
            int count = Math.max(1, design.path("page_count").asInt(1));
            DesignState old = before.designs().get(id);
            List<String> hashes = old != null && old.updatedAt() == updated && old.settings().equals(settings())
                    && old.pageHashes().size() == count ? old.pageHashes() : pageHashes(id, title, updated, count);
            after.designs().put(id, new DesignState(updated, settings(), hashes));
            for (int n = 1; n <= count; n++) {
                if (!chosenPages.isEmpty() && !chosenPages.contains(n)) {
                    continue;
                }
                String itemId = id + "/p" + n;
                String name = (count > 1 ? title + " - page " + n : title) + "." + format;
                after.pages().put(itemId, new Page(id, n, title));
                items.add(new SourceItem(itemId, name, "", new Fingerprint(0, updated * 1000, "canva:" + hashes.get(n - 1))));
                texts.put(itemId, describe(design.path("title").asText(""), n, count));
            }
        }
        state.save(after);
        described.clear();
        described.putAll(texts);
        return new Listing(items, List.of(), true, Optional.empty(), problems);
    }

    /**
     * A page's text: the design's title (with the page number when the design has several) as alt text and title;
     * an untitled design gives none.
     */
    static AssetMetadata describe(String designTitle, int page, int pages) {
        String title = designTitle.replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            return AssetMetadata.EMPTY;
        }
        String text = pages > 1 ? title + ", page " + page : title; // no page count: a new page changes no other
        return new AssetMetadata(text, text, "", "Canva design \u201c" + title + "\u201d");
    }

    @Override
    public Optional<AssetMetadata> metadata(SourceItem item) {
        return Optional.ofNullable(described.get(item.id()));
    }

    /** The account's designs, or one folder's, following {@code continuation} with a bound and a loop check. */
    private List<JsonNode> designs(List<String> problems) throws LumasyncException {
        List<JsonNode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean folder = !folderId.isBlank();
        String base = folder ? "/v1/folders/" + enc(folderId) + "/items?item_types=design" : "/v1/designs?ownership=any";
        String what = folder ? "the folder " + folderId : "the list of designs";
        String continuation = null;
        for (int n = 0; n < MAX_LIST_PAGES; n++) {
            JsonNode page = api.get(base + (continuation == null ? "" : "&continuation=" + enc(continuation)), what);
            for (JsonNode item : page.path("items")) {
                JsonNode design = folder ? item.path("design") : item;
                if ((!folder || item.path("type").asText().equals("design")) && seen.add(design.path("id").asText())) {
                    out.add(design);
                }
            }
            continuation = page.path("continuation").asText("");
            if (continuation.isEmpty()) {
                return out;
            }
        }
        problems.add("Canva kept offering more pages of designs; the listing stopped after " + MAX_LIST_PAGES + ".");
        return out;
    }

    /**
     * One hash per page. From the page thumbnails when Canva lists them; otherwise from the design's edit time, so
     * every page of an edited design counts as changed.
     */
    private List<String> pageHashes(String designId, String title, long updated, int count) throws LumasyncException {
        List<String> out = new ArrayList<>();
        try {
            for (int offset = 1; offset <= count && out.size() < count; offset += PAGES_PER_CALL) {
                JsonNode pages = api.get("/v1/designs/" + enc(designId) + "/pages?offset=" + offset + "&limit="
                        + PAGES_PER_CALL, "the pages of '" + title + "'").path("items");
                if (pages.isEmpty()) {
                    break;
                }
                for (JsonNode p : pages) {
                    String url = p.path("thumbnail").path("url").asText("");
                    byte[] thumb = url.isEmpty() ? new byte[0] : api.retried(() -> ExpiringLinks.preview(api.http(),
                            URI.create(url), "a page preview of '" + title + "'"));
                    out.add(RemoteAssets.sha256(settings() + "\n", thumb));
                }
            }
        } catch (LumasyncException e) {
            if (e.kind() == ErrorKind.REAUTH) {
                throw e;
            }
            out.clear(); // no page previews for this design: fall back to its edit time
        }
        while (out.size() < count) {
            out.add(RemoteAssets.sha256(settings() + "\n" + updated + "/" + (out.size() + 1) + "\n", new byte[0]));
        }
        return out.subList(0, count);
    }

    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        Page page = page(item);
        String what = "Canva design '" + item.name() + "'";
        return api.retried(() -> {
            String url = export(page, what);
            return ExpiringLinks.download(api.http(), URI.create(url), dataDir.resolve("downloads"), what, BodyLimits.FILE);
        });
    }

    /** Starts an export job for one page and polls it, boundedly, to its download address. */
    private String export(Page page, String what) throws LumasyncException {
        ObjectNode body = JsonApi.JSON.createObjectNode();
        body.put("design_id", page.designId());
        ObjectNode fmt = body.putObject("format");
        fmt.put("type", format);
        if (format.equals("jpg")) {
            fmt.put("quality", quality);
        }
        fmt.putArray("pages").add(page.index());
        JsonNode job = api.post("/v1/exports", body, what).path("job");
        String jobId = job.path("id").asText("");
        for (int poll = 1; poll <= MAX_POLLS; poll++) {
            String status = job.path("status").asText("");
            if (status.equals("success")) {
                JsonNode urls = job.path("urls");
                if (!urls.isArray() || urls.isEmpty() || !urls.get(0).isTextual()) {
                    throw new LumasyncException(ErrorKind.RETRY, what + ": Canva finished the export without a "
                            + "download address. It will be tried again.");
                }
                return urls.get(0).asText();
            }
            if (status.equals("failed")) {
                throw exportFailed(job.path("error"), what);
            }
            if (jobId.isEmpty()) {
                throw new LumasyncException(ErrorKind.RETRY, what + ": Canva did not start an export job.");
            }
            try {
                pollWait.sleep(Duration.ofSeconds(Math.min(poll, 5)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LumasyncException(ErrorKind.RETRY, what + ": waiting for Canva's export was interrupted.", e);
            }
            job = api.getOnce("/v1/exports/" + enc(jobId), what).path("job");
        }
        throw new LumasyncException(ErrorKind.RETRY, what + ": Canva was still exporting after " + MAX_POLLS
                + " checks. It will be tried again later.");
    }

    private static LumasyncException exportFailed(JsonNode error, String what) {
        String code = error.path("code").asText("");
        return switch (code) {
            case "license_required" -> new LumasyncException(ErrorKind.GIVE_UP, what + " uses premium elements this "
                    + "Canva account has not licensed, so Canva will not export it. Buy or remove them in Canva.");
            case "approval_required" -> new LumasyncException(ErrorKind.GIVE_UP, what + " needs a team member's "
                    + "approval in Canva before it can be exported.");
            default -> new LumasyncException(ErrorKind.RETRY, what + ": Canva's export failed ("
                    + (code.isEmpty() ? "no reason given" : code) + "). It will be tried again.");
        };
    }

    @Override
    public Optional<byte[]> thumbnail(SourceItem item, int size) throws LumasyncException {
        Page page = page(item);
        String what = "the preview of '" + item.name() + "'";
        String url;
        try {
            url = api.get("/v1/designs/" + enc(page.designId()) + "/pages?offset=" + page.index() + "&limit=1", what)
                    .path("items").path(0).path("thumbnail").path("url").asText("");
        } catch (LumasyncException e) {
            if (e.kind() == ErrorKind.REAUTH) {
                throw e;
            }
            url = ""; // no page previews for this integration: the design's own thumbnail stands in
        }
        if (url.isEmpty()) {
            url = api.get("/v1/designs/" + enc(page.designId()), what).path("design").path("thumbnail").path("url")
                    .asText("");
        }
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI link = URI.create(url);
        return Optional.of(api.retried(() -> ExpiringLinks.preview(api.http(), link, what)));
    }

    private Page page(SourceItem item) throws LumasyncException {
        Page p = state.load().orElse(State.empty()).pages().get(item.id());
        if (p == null) {
            throw new LumasyncException(ErrorKind.GIVE_UP, item.name() + ": not in the last Canva listing; it is "
                    + "picked up at the next sync.");
        }
        return p;
    }

    private String settings() {
        return format + (format.equals("jpg") ? "@" + quality : "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
