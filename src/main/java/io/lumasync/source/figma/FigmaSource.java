package io.lumasync.source.figma;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimits;
import io.lumasync.source.AdapterState;
import io.lumasync.source.DescribedSource;
import io.lumasync.source.ExpiringLinks;
import io.lumasync.source.Listing;
import io.lumasync.source.Probed;
import io.lumasync.source.RemoteAssets;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The top-level frames of chosen Figma files, each an asset rendered through the images endpoint. A listing reads
 * each file once at depth 2 (pages and their top-level frames); only when the file's {@code version} moved does it
 * read the frames' full node trees, whose hash is each frame's fingerprint, so editing one frame republishes that
 * frame alone. Renders are asked for per file in batches; their addresses are short-lived and a frame Figma cannot
 * render ({@code null} in the answer) fails alone.
 */
public final class FigmaSource implements Source, DescribedSource, Probed {
    /** The names Figma gives new frames and components, which say nothing about the picture. */
    private static final Pattern DEFAULT_NAME = Pattern.compile("(?i)(frame|component|group|section)( \\d+)?");
    static final Set<String> FRAME_TYPES = Set.of("FRAME", "COMPONENT", "COMPONENT_SET");
    private static final int NODES_PER_CALL = 50;
    private static final int RENDERS_PER_CALL = 20;
    /** Figma keeps render addresses longer, but a fresh one is cheap next to a failed download. */
    private static final Duration RENDER_REUSE = Duration.ofMinutes(10);

    /** What one file looked like at the last listing, and the render settings its hashes were made with. */
    record FileState(String version, String settings, Map<String, String> hashes) {
    }

    /** One listed frame: where it is, and its size for previews. */
    record Frame(String fileKey, String nodeId, String name, double width, double height) {
    }

    /** Everything kept between runs. */
    record State(Map<String, FileState> files, Map<String, Frame> frames) {
        static State empty() {
            return new State(new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    private record Render(Instant at, Optional<String> url) {
    }

    private final FigmaApi api;
    private final List<String> fileKeys;
    private final Set<String> pages;
    private final String format;
    private final double scale;
    private final Path dataDir;
    private final AdapterState<State> state;
    private final Map<String, Render> renders = new ConcurrentHashMap<>();
    /** Each listed frame's own text, from the last listing. */
    private final Map<String, AssetMetadata> described = new ConcurrentHashMap<>();

    FigmaSource(FigmaApi api, List<String> fileKeys, Set<String> pages, String format, double scale, Path dataDir) {
        this.api = api;
        this.fileKeys = List.copyOf(fileKeys);
        this.pages = Set.copyOf(pages);
        this.format = format;
        this.scale = scale;
        this.dataDir = dataDir;
        this.state = new AdapterState<>(dataDir, "figma-state.json", State.class);
    }

    @Override
    public Listing list(Optional<String> cursor) throws LumasyncException {
        State before = state.load().orElse(State.empty());
        State after = State.empty();
        Map<String, SourceItem> items = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        for (String key : fileKeys) {
            try {
                listFile(key, before, after, items);
            } catch (LumasyncException e) {
                if (e.kind() != ErrorKind.GIVE_UP) {
                    throw e;
                }
                problems.add(e.getMessage());
                unreadable.add(key);
                before.frames().forEach((id, f) -> {
                    if (f.fileKey().equals(key)) {
                        after.frames().put(id, f); // kept: a file we could not read is not a file that was emptied
                    }
                });
                Optional.ofNullable(before.files().get(key)).ifPresent(fs -> after.files().put(key, fs));
            }
        }
        state.save(after);
        described.keySet().retainAll(items.keySet());
        if (unreadable.isEmpty()) {
            return new Listing(List.copyOf(items.values()), List.of(), true, Optional.empty(), problems);
        }
        // Some file could not be read: report the others' frames and removals, and leave that file's assets alone.
        List<String> removed = before.frames().entrySet().stream()
                .filter(e -> !unreadable.contains(e.getValue().fileKey()) && !items.containsKey(e.getKey()))
                .map(Map.Entry::getKey).toList();
        return new Listing(List.copyOf(items.values()), removed, false, Optional.empty(), problems);
    }

    private void listFile(String key, State before, State after, Map<String, SourceItem> items) throws LumasyncException {
        String what = "the file " + key;
        JsonNode file = api.get("/v1/files/" + enc(key) + "?depth=2", what);
        String version = file.path("version").asText("");
        String fileTitle = file.path("name").asText(key).strip();
        String fileName = RemoteAssets.safeName(fileTitle);
        long modified = millis(file.path("lastModified").asText(""));
        List<JsonNode> frames = new ArrayList<>();
        Map<String, String> folders = new LinkedHashMap<>();
        Map<String, String> pageTitles = new HashMap<>();
        for (JsonNode page : file.path("document").path("children")) {
            if (!page.path("type").asText().equals("CANVAS") || (!pages.isEmpty() && !pages.contains(page.path("name").asText()))) {
                continue;
            }
            for (JsonNode child : page.path("children")) {
                if (FRAME_TYPES.contains(child.path("type").asText()) && child.path("visible").asBoolean(true)) {
                    frames.add(child);
                    folders.put(child.path("id").asText(), fileName + "/" + RemoteAssets.safeName(page.path("name").asText("Page")));
                    pageTitles.put(child.path("id").asText(), page.path("name").asText("").strip());
                }
            }
        }
        FileState old = before.files().get(key);
        Map<String, String> hashes = old != null && old.version().equals(version) && !version.isEmpty()
                && settings().equals(old.settings()) && old.hashes().keySet().containsAll(folders.keySet())
                ? old.hashes() : hashes(key, List.copyOf(folders.keySet()), what);
        Map<String, String> kept = new LinkedHashMap<>();
        Set<String> namesTaken = new HashSet<>();
        for (JsonNode f : frames) {
            String nodeId = f.path("id").asText();
            String hash = hashes.get(nodeId);
            if (hash == null) {
                continue; // deleted between the two reads: the next listing agrees
            }
            kept.put(nodeId, hash);
            String id = key + "/" + nodeId;
            String folder = folders.get(nodeId);
            String base = RemoteAssets.safeName(f.path("name").asText(""));
            base = base.isEmpty() ? "Frame " + nodeId.replace(':', '-') : base;
            String name = base + "." + format;
            if (!namesTaken.add(folder + "/" + name.toLowerCase(Locale.ROOT))) {
                name = base + " (" + nodeId.replace(':', '-') + ")." + format; // two frames of one name on a page
            }
            JsonNode box = f.path("absoluteBoundingBox");
            after.frames().put(id, new Frame(key, nodeId, name, box.path("width").asDouble(0), box.path("height").asDouble(0)));
            items.put(id, new SourceItem(id, name, folder, new Fingerprint(0, modified, "figma:" + hash)));
            described.put(id, describe(f.path("name").asText(""), fileTitle, pageTitles.get(nodeId)));
        }
        after.files().put(key, new FileState(version, settings(), kept));
    }

    /**
     * A frame's text: its name as alt text and title (unless Figma's default "Frame 12"), and where it lives (file
     * and page) as description.
     */
    static AssetMetadata describe(String frameName, String fileTitle, String pageTitle) {
        String name = frameName.replaceAll("\\s+", " ").strip();
        if (DEFAULT_NAME.matcher(name).matches()) {
            name = "";
        }
        String where = "Figma file \u201c" + fileTitle + "\u201d" + (pageTitle == null || pageTitle.isEmpty() ? ""
                : ", page \u201c" + pageTitle + "\u201d");
        return new AssetMetadata(name, name, "", where);
    }

    /** The first file's name and version only ({@code depth=1}): the token is accepted and the file readable. */
    @Override
    public void probe() throws LumasyncException {
        String key = fileKeys.getFirst();
        api.get("/v1/files/" + enc(key) + "?depth=1", "the file " + key);
    }

    @Override
    public Optional<AssetMetadata> metadata(SourceItem item) {
        return Optional.ofNullable(described.get(item.id()));
    }

    /** Each frame's content hash: its full node tree, with the render settings that shape the published image. */
    private Map<String, String> hashes(String key, List<String> nodeIds, String what) throws LumasyncException {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nodeIds.size(); i += NODES_PER_CALL) {
            List<String> chunk = nodeIds.subList(i, Math.min(nodeIds.size(), i + NODES_PER_CALL));
            JsonNode nodes = api.get("/v1/files/" + enc(key) + "/nodes?ids=" + enc(String.join(",", chunk)), what)
                    .path("nodes");
            for (String id : chunk) {
                JsonNode doc = nodes.path(id).path("document");
                if (!doc.isMissingNode() && !doc.isNull()) {
                    out.put(id, RemoteAssets.sha256(settings() + "\n", doc.toString().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    private String settings() {
        return format + "@" + scale;
    }

    @Override
    public InputStream open(SourceItem item) throws LumasyncException {
        Frame frame = frame(item);
        String what = "Figma frame '" + label(item) + "'";
        return api.retried(() -> {
            String url = renderUrl(frame, what);
            try {
                return ExpiringLinks.download(api.http(), URI.create(url), dataDir.resolve("downloads"), what,
                        BodyLimits.FILE);
            } catch (LumasyncException e) {
                renders.remove(frame.fileKey() + "/" + frame.nodeId()); // the retry asks Figma for a fresh render
                throw e;
            }
        });
    }

    @Override
    public Optional<byte[]> thumbnail(SourceItem item, int size) throws LumasyncException {
        Frame frame = frame(item);
        double side = Math.max(frame.width(), frame.height());
        double s = side <= 0 ? 0.25 : Math.max(0.01, Math.min(1, size / side));
        String what = "the preview of Figma frame '" + label(item) + "'";
        JsonNode images = api.get("/v1/images/" + enc(frame.fileKey()) + "?ids=" + enc(frame.nodeId())
                + "&format=png&scale=" + s, what).path("images");
        JsonNode url = images.path(frame.nodeId());
        if (!url.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(api.retried(() -> ExpiringLinks.preview(api.http(), URI.create(url.asText()), what)));
    }

    private Frame frame(SourceItem item) throws LumasyncException {
        Frame f = state.load().orElse(State.empty()).frames().get(item.id());
        if (f == null) {
            throw new LumasyncException(ErrorKind.GIVE_UP, label(item) + ": not in the last Figma listing; it is "
                    + "picked up at the next sync.");
        }
        return f;
    }

    /** The frame's render address, asking Figma for this file's listed frames in batches when none is fresh. */
    private String renderUrl(Frame frame, String what) throws LumasyncException {
        String key = frame.fileKey() + "/" + frame.nodeId();
        Render known = renders.get(key);
        if (known == null || known.at().plus(RENDER_REUSE).isBefore(Instant.now())) {
            List<String> batch = new ArrayList<>(List.of(frame.nodeId()));
            for (Frame f : state.load().orElse(State.empty()).frames().values()) {
                if (batch.size() >= RENDERS_PER_CALL) {
                    break;
                }
                String k = f.fileKey() + "/" + f.nodeId();
                if (f.fileKey().equals(frame.fileKey()) && !f.nodeId().equals(frame.nodeId()) && !renders.containsKey(k)) {
                    batch.add(f.nodeId());
                }
            }
            JsonNode answer = api.getOnce("/v1/images/" + enc(frame.fileKey()) + "?ids=" + enc(String.join(",", batch))
                    + "&format=" + format + "&scale=" + scale, what);
            Instant now = Instant.now();
            for (String id : batch) {
                JsonNode u = answer.path("images").path(id);
                renders.put(frame.fileKey() + "/" + id, new Render(now, u.isTextual() ? Optional.of(u.asText())
                        : Optional.empty()));
            }
            known = renders.get(key);
        }
        if (known.url().isEmpty()) {
            renders.remove(key); // asked again at the next attempt of a later sync
            throw new LumasyncException(ErrorKind.GIVE_UP, what + " could not be rendered by Figma (it may be empty, "
                    + "invisible, deleted since the listing, or too large at scale " + scale + "). The other frames go on.");
        }
        return known.url().get();
    }

    private static String label(SourceItem item) {
        return item.folder().isEmpty() ? item.name() : item.folder() + "/" + item.name();
    }

    private static long millis(String iso) {
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
