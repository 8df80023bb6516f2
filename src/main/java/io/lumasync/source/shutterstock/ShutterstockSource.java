package io.lumasync.source.shutterstock;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.source.AdapterState;
import io.lumasync.source.DescribedSource;
import io.lumasync.source.Probed;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images this Shutterstock account has licensed, from its licence history, downloaded through each licence's
 * download endpoint at the chosen size; unlicensed previews are never taken. One image licensed more than once is
 * one asset, from its newest licence, and a newer licence (an upgrade) republishes it. Descriptions, keywords and
 * the contributor's name come along for alt text and credit ({@link DescribedSource}).
 */
public final class ShutterstockSource implements Source, DescribedSource, Probed {
    private static final int PER_PAGE = 200;
    private static final int MAX_PAGES = 500;
    private static final int IDS_PER_CALL = 100;

    /** One licensed image as the last listing saw it. */
    record Licensed(String licenseId, String imageId, String description, List<String> keywords, String contributor,
                    String thumbnail) {
    }

    record State(Map<String, Licensed> items) {
    }

    private final ShutterstockApi api;
    private final String size;
    private final Path dataDir;
    private final AdapterState<State> state;

    ShutterstockSource(ShutterstockApi api, String size, Path dataDir) {
        this.api = api;
        this.size = size;
        this.dataDir = dataDir;
        this.state = new AdapterState<>(dataDir, "shutterstock-state.json", State.class);
    }

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        Map<String, JsonNode> newest = new LinkedHashMap<>(); // image id -> its newest licence
        List<String> problems = new ArrayList<>();
        int read = 0;
        for (int page = 1; ; page++) {
            if (page > MAX_PAGES) {
                problems.add("The licence history is longer than " + MAX_PAGES + " pages; the rest was not read.");
                break;
            }
            JsonNode answer = api.get("/v2/images/licenses?per_page=" + PER_PAGE + "&page=" + page
                    + "&sort=newest&download_availability=downloadable", "the licence history");
            JsonNode data = answer.path("data");
            for (JsonNode licence : data) {
                String imageId = licence.path("image").path("id").asText("");
                if (!imageId.isEmpty() && licence.path("is_downloadable").asBoolean(true)) {
                    newest.merge(imageId, licence, (a, b) -> time(b) > time(a) ? b : a);
                }
            }
            read += data.size();
            // The server may serve fewer per page than asked: the total count, not the page size, ends the history.
            if (data.isEmpty() || read >= answer.path("total_count").asInt(0)) {
                break;
            }
        }
        Map<String, JsonNode> details = details(List.copyOf(newest.keySet()));
        Map<String, String> names = contributors(details.values());
        Map<String, Licensed> saved = new LinkedHashMap<>();
        List<SourceItem> items = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : newest.entrySet()) {
            String imageId = e.getKey();
            JsonNode licence = e.getValue();
            JsonNode image = details.getOrDefault(imageId, JsonApi.JSON.createObjectNode());
            String description = image.path("description").asText("");
            List<String> keywords = new ArrayList<>();
            image.path("keywords").forEach(k -> keywords.add(k.asText()));
            String contributor = names.getOrDefault(image.path("contributor").path("id").asText(""), "");
            String thumb = image.path("assets").path("large_thumb").path("url").asText(
                    image.path("assets").path("small_thumb").path("url").asText(""));
            String licenseId = licence.path("id").asText();
            saved.put(imageId, new Licensed(licenseId, imageId, description, keywords, contributor, thumb));
            String title = RemoteAssets.safeName(description.length() > 80 ? description.substring(0, 80) : description);
            String name = (title.isEmpty() ? "" : title + " - ") + "shutterstock_" + imageId + ".jpg";
            String hash = RemoteAssets.sha256(licenseId + "@" + size, new byte[0]);
            items.add(new SourceItem(imageId, name, "", new Fingerprint(0, time(licence), "shutterstock:" + hash)));
        }
        state.save(new State(saved));
        return new Listing(items, List.of(), true, Optional.empty(), problems);
    }

    /** The images' descriptions, keywords and contributors ("List images", view=full). */
    private Map<String, JsonNode> details(List<String> imageIds) throws LumasyncException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (int i = 0; i < imageIds.size(); i += IDS_PER_CALL) {
            StringBuilder q = new StringBuilder("/v2/images?view=full");
            imageIds.subList(i, Math.min(imageIds.size(), i + IDS_PER_CALL)).forEach(id -> q.append("&id=").append(enc(id)));
            for (JsonNode image : api.get(q.toString(), "the descriptions of licensed images").path("data")) {
                out.put(image.path("id").asText(), image);
            }
        }
        return out;
    }

    /** Contributor id → display name, for the credit line. */
    private Map<String, String> contributors(Iterable<JsonNode> images) throws LumasyncException {
        List<String> ids = new ArrayList<>();
        images.forEach(im -> {
            String id = im.path("contributor").path("id").asText("");
            if (!id.isEmpty() && !ids.contains(id)) {
                ids.add(id);
            }
        });
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_CALL) {
            StringBuilder q = new StringBuilder("/v2/contributors?");
            ids.subList(i, Math.min(ids.size(), i + IDS_PER_CALL)).forEach(id -> q.append("id=").append(enc(id)).append('&'));
            for (JsonNode c : api.get(q.substring(0, q.length() - 1), "the contributors' names").path("data")) {
                out.put(c.path("id").asText(), c.path("display_name").asText(""));
            }
        }
        return out;
    }

    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        Licensed l = licensed(item);
        String what = "licensed image " + item.name();
        return api.retried(() -> {
            JsonNode answer = api.post("/v2/images/licenses/" + enc(l.licenseId()) + "/downloads",
                    JsonApi.JSON.createObjectNode().put("size", size), what);
            String url = answer.path("url").asText("");
            if (url.isEmpty()) {
                throw new LumasyncException(ErrorKind.RETRY, what + ": Shutterstock gave no download address. It will "
                        + "be tried again.");
            }
            return ExpiringLinks.download(api.http(), URI.create(url), dataDir.resolve("downloads"), what, BodyLimits.FILE);
        });
    }

    @Override
    public Optional<byte[]> thumbnail(SourceItem item, int px) throws LumasyncException {
        Licensed l = licensed(item);
        if (l.thumbnail().isEmpty()) {
            return Optional.empty();
        }
        URI link = URI.create(l.thumbnail());
        return Optional.of(api.retried(() -> ExpiringLinks.preview(api.http(), link, "the preview of " + item.name())));
    }

    /** One licence of the history: the token is accepted and may read licences. */
    @Override
    public void probe() throws LumasyncException {
        api.get("/v2/images/licenses?per_page=1&page=1", "the licence history");
    }

    /** Alt text and title from the description, the keywords as description, and the credit as caption. */
    @Override
    public Optional<AssetMetadata> metadata(SourceItem item) {
        Licensed l = state.load().map(s -> s.items().get(item.id())).orElse(null);
        if (l == null) {
            return Optional.empty();
        }
        String credit = l.contributor().isEmpty() ? "Shutterstock" : l.contributor() + " / Shutterstock";
        return Optional.of(new AssetMetadata(l.description(), l.description(), credit, String.join(", ", l.keywords())));
    }

    private Licensed licensed(SourceItem item) throws LumasyncException {
        Licensed l = state.load().map(s -> s.items().get(item.id())).orElse(null);
        if (l == null) {
            throw new LumasyncException(ErrorKind.GIVE_UP, item.name() + ": not in the last Shutterstock licence "
                    + "history; it is picked up at the next sync.");
        }
        return l;
    }

    private static long time(JsonNode licence) {
        try {
            return OffsetDateTime.parse(licence.path("download_time").asText("")).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
