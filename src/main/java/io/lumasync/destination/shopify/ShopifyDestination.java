package io.lumasync.destination.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.CursorPages;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.SafeFileNames;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.destination.UrlReferences;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes to a Shopify store's Files (Content → Files), through the Admin GraphQL API. A put stages the bytes
 * ({@code stagedUploadsCreate}, then a POST to the storage target), creates the file ({@code fileCreate}) and waits
 * for Shopify to process it (READY, or FAILED with its {@code fileErrors}). A replace sends new bytes to the same
 * file ({@code fileUpdate} with a new {@code originalSource}): the id stays, and the URL stays as long as the
 * format does; when the format changes the URL changes, and {@link #referencesTo} names the pages whose text links
 * the old address. The asset id is the file's GID ({@code gid://shopify/MediaImage/…}).
 */
public final class ShopifyDestination implements Destination, UrlReferences {
    /** What Shopify Files takes as images (its help centre's list), of the formats Lumasync makes or passes on. */
    static final Set<ImageFormat> FORMATS = Set.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP,
            ImageFormat.GIF, ImageFormat.HEIF);
    /** Shopify's limit for an image in Files. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    /** How many numbered variants of a taken name a rename tries. */
    private static final int MAX_RENAME_TRIES = 20;
    /** How long processing may take before the upload is handed back to the engine to retry (and reconcile). */
    private static final int MAX_POLLS = 40;
    private static final int RECONCILE_SCAN = 50;
    private static final int PAGES_SCANNED = 5;

    /** Waits between status checks; a no-op in tests. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final ShopifyApi api;
    private final Pause pause;
    private final CursorPages<RemoteAsset> pages = new CursorPages<>(250);
    private volatile Capabilities capabilities;

    ShopifyDestination(ShopifyApi api, Pause pause) {
        this.api = api;
        this.pause = pause;
    }

    @Override
    public Capabilities capabilities() throws LumasyncException {
        Capabilities c = capabilities;
        if (c == null) {
            JsonNode data = api.graphql(ShopifyQueries.PROBE, ShopifyApi.variables(), ShopifyQueries.PROBE_COST,
                    "check the connection");
            List<String> scopes = new ArrayList<>();
            data.path("currentAppInstallation").path("accessScopes").forEach(s -> scopes.add(s.path("handle").asText()));
            List<String> missing = new ArrayList<>();
            for (String need : List.of("write_files", "read_files")) {
                if (!scopes.contains(need) && !(need.startsWith("read_") && scopes.contains("write_files"))) {
                    missing.add(need);
                }
            }
            if (!missing.isEmpty()) {
                throw new LumasyncException(ErrorKind.REAUTH, api.what() + " has given this app no " + String.join(
                        " and no ", missing) + " scope, which publishing files needs. Add it to the custom app (Settings"
                        + " → Apps and sales channels → Develop apps → your app → Configuration), install the update"
                        + " and reconnect.");
            }
            JsonNode shop = data.path("shop");
            List<String> notes = new ArrayList<>();
            notes.add("Shop '" + shop.path("name").asText("?") + "' (" + shop.path("myshopifyDomain").asText("?") + ", "
                    + shop.path("plan").path("displayName").asText("plan unknown") + "), Admin API " + ShopifyApi.API_VERSION);
            notes.add("Images are replaced in place: same file and address while the format stays; a format change"
                    + " gives a new address, and Lumasync names the pages that link the old one.");
            notes.add(String.format(Locale.ROOT, "API budget: %.0f points, %.0f a second (paced by Lumasync)",
                    api.budget().available(), api.budget().restoreRate()));
            notes.add("Files takes JPEG, PNG, WebP, GIF and HEIC images up to 20 MB (no AVIF).");
            c = new Capabilities(FORMATS, MAX_BYTES, ReplaceStrategy.SAME_ID_SAME_URL, true, true, notes);
            capabilities = c;
        }
        return c;
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        check(upload);
        String name = fileName(upload);
        return create(stage(upload, name), upload, name);
    }

    /**
     * New bytes for the same file. A file deleted in Shopify meanwhile cannot be updated: the image is published
     * anew (a new file and address, which the run reports) rather than failing on every later push.
     */
    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        check(upload);
        String name = fileName(upload);
        ShopifyApi.StagedTarget target = stage(upload, name);
        ObjectNode file = ShopifyApi.variables().put("id", existing.id())
                .put("originalSource", target.resourceUrl().toString()).put("alt", upload.metadata().altText());
        ObjectNode vars = ShopifyApi.variables();
        vars.putArray("files").add(file);
        JsonNode updated = api.graphql(ShopifyQueries.FILE_UPDATE, vars, ShopifyQueries.MUTATION_COST, "replace " + name);
        for (JsonNode e : updated.path("fileUpdate").path("userErrors")) {
            if (e.path("code").asText("").equals("FILE_DOES_NOT_EXIST")) {
                return create(target, upload, name);
            }
        }
        userErrors(updated.path("fileUpdate"), "replace " + name);
        return ready(existing.id(), name);
    }

    private RemoteRef create(ShopifyApi.StagedTarget target, Upload upload, String name) throws LumasyncException {
        ObjectNode file = ShopifyApi.variables().put("originalSource", target.resourceUrl().toString())
                .put("contentType", "IMAGE").put("filename", name).put("alt", upload.metadata().altText());
        ObjectNode vars = ShopifyApi.variables();
        vars.putArray("files").add(file);
        JsonNode created = api.graphql(ShopifyQueries.FILE_CREATE, vars, ShopifyQueries.MUTATION_COST, "create " + name);
        userErrors(created.path("fileCreate"), "create " + name);
        String id = created.path("fileCreate").path("files").path(0).path("id").asText("");
        if (id.isEmpty()) {
            throw new LumasyncException(ErrorKind.RETRY, api.what() + " did not say which file it made for " + name + ".");
        }
        return ready(id, name);
    }

    @Override
    public Renaming renaming() {
        return new Renaming(Renaming.Route.IN_PLACE, "Shopify renames the same file (fileUpdate's filename): it stays"
                + " where products and pages use it, and its address changes.");
    }

    /**
     * fileUpdate with a new {@code filename}; Shopify wants the extension unchanged, which a rename keeps. A name
     * another file of the store has (FILENAME_ALREADY_EXISTS) is tried again as {@code name-2.ext}, {@code -3}….
     */
    @Override
    public RemoteRef renameInPlace(RemoteRef existing, String newName) throws LumasyncException {
        int dot = newName.lastIndexOf('.');
        for (int i = 1; i <= MAX_RENAME_TRIES; i++) {
            String name = i == 1 || dot <= 0 ? newName : newName.substring(0, dot) + "-" + i + newName.substring(dot);
            ObjectNode vars = ShopifyApi.variables();
            vars.putArray("files").add(ShopifyApi.variables().put("id", existing.id()).put("filename", name));
            String doing = "rename " + existing.id() + " to " + name;
            JsonNode updated = api.graphql(ShopifyQueries.FILE_UPDATE, vars, ShopifyQueries.MUTATION_COST, doing);
            boolean taken = false;
            for (JsonNode e : updated.path("fileUpdate").path("userErrors")) {
                taken |= e.path("code").asText("").equals("FILENAME_ALREADY_EXISTS");
            }
            if (!taken) {
                userErrors(updated.path("fileUpdate"), doing);
                return ready(existing.id(), name);
            }
        }
        throw LumasyncException.giveUp(api.what() + ": " + MAX_RENAME_TRIES + " other files already use the name "
                + newName + " and its numbered variants; nothing was renamed.");
    }

    @Override
    public void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        ObjectNode vars = ShopifyApi.variables();
        vars.putArray("files").add(ShopifyApi.variables().put("id", existing.id()).put("alt", metadata.altText()));
        JsonNode updated = api.graphql(ShopifyQueries.FILE_UPDATE, vars, ShopifyQueries.MUTATION_COST,
                "change the alt text of " + existing.id());
        userErrors(updated.path("fileUpdate"), "change the alt text of " + existing.id());
    }

    /** The text Shopify keeps with a file: its alt text only (empty when the file is gone). */
    @Override
    public Optional<AssetMetadata> metadata(RemoteRef ref) throws LumasyncException {
        return file(ref.id()).map(f -> AssetMetadata.EMPTY.withAltText(f.path("alt").asText("")));
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        ObjectNode vars = ShopifyApi.variables();
        vars.putArray("fileIds").add(ref.id());
        JsonNode d = api.graphql(ShopifyQueries.FILE_DELETE, vars, ShopifyQueries.MUTATION_COST, "delete " + ref.id());
        for (JsonNode e : d.path("fileDelete").path("userErrors")) {
            if (!e.path("code").asText("").equals("FILE_DOES_NOT_EXIST")) {
                userErrors(d.path("fileDelete"), "delete " + ref.id());
            }
        }
    }

    /**
     * An upload whose answer was lost: a READY or processing image of this file name (or Shopify's renamed copy,
     * {@code name_<uuid>.ext}) holding exactly as many bytes as were sent.
     */
    @Override
    public Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        String name = fileName(upload);
        int dot = name.lastIndexOf('.');
        String stem = name.substring(0, dot);
        ObjectNode vars = ShopifyApi.variables().put("first", RECONCILE_SCAN).put("query", "filename:" + stem + "*");
        JsonNode files = api.graphql(ShopifyQueries.FILES, vars, ShopifyQueries.filesCost(RECONCILE_SCAN),
                "look for an earlier upload of " + name).path("files");
        for (JsonNode edge : files.path("edges")) {
            JsonNode n = edge.path("node");
            String stored = fileNameOf(n.path("image").path("url").asText(n.path("originalSource").path("url").asText("")));
            boolean sameName = stored.equalsIgnoreCase(name) || stored.toLowerCase(Locale.ROOT)
                    .matches(java.util.regex.Pattern.quote(stem.toLowerCase(Locale.ROOT)) + "_[0-9a-f-]{8,}"
                            + java.util.regex.Pattern.quote(name.substring(dot).toLowerCase(Locale.ROOT)));
            if (sameName && n.path("originalSource").path("fileSize").asLong(-1) == upload.image().size()
                    && !n.path("fileStatus").asText("").equals("FAILED")) {
                return Optional.of(ready(n.path("id").asText(), name));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        return pages.page(page, perPage, (after, first) -> {
            ObjectNode vars = ShopifyApi.variables().put("first", first).put("query", "media_type:IMAGE");
            if (after != null) {
                vars.put("after", after);
            }
            JsonNode files = api.graphql(ShopifyQueries.FILES, vars, ShopifyQueries.filesCost(first), "list the files")
                    .path("files");
            List<RemoteAsset> out = new ArrayList<>();
            for (JsonNode edge : files.path("edges")) {
                JsonNode n = edge.path("node");
                String url = n.path("image").path("url").asText("");
                out.add(new RemoteAsset(new RemoteRef(n.path("id").asText(), url), fileNameOf(url),
                        n.path("mimeType").asText(""), n.path("originalSource").path("fileSize").asLong(0),
                        n.path("image").path("width").asInt(0), n.path("image").path("height").asInt(0), ""));
            }
            boolean more = files.path("pageInfo").path("hasNextPage").asBoolean(false);
            return new CursorPages.Page<>(out, more ? Optional.of(files.path("pageInfo").path("endCursor").asText())
                    : Optional.empty());
        });
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        JsonNode f = file(ref.id()).orElseThrow(() -> LumasyncException.giveUp(api.what() + " no longer has file "
                + ref.id() + "; it was deleted in Shopify."));
        String url = f.path("image").path("url").asText("");
        if (url.isEmpty()) {
            throw LumasyncException.retry(api.what() + " is still processing file " + ref.id() + ".", Duration.ofSeconds(5));
        }
        return new ByteArrayInputStream(api.download(url));
    }

    /**
     * The store's pages whose text links {@code url} (with any {@code ?v=} version), by title; products that show
     * the file as their media follow the new address by themselves. Looks through the first few hundred pages.
     */
    @Override
    public List<String> referencesTo(String url) throws LumasyncException {
        String bare = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (bare.isEmpty()) {
            return List.of();
        }
        String path = URI.create(bare).getRawPath();
        List<String> found = new ArrayList<>();
        String after = null;
        for (int i = 0; i < PAGES_SCANNED; i++) {
            ObjectNode vars = ShopifyApi.variables().put("first", 50);
            if (after != null) {
                vars.put("after", after);
            }
            JsonNode pages = api.graphql(ShopifyQueries.PAGES, vars, ShopifyQueries.pagesCost(50),
                    "look for pages that link the image").path("pages");
            for (JsonNode p : pages.path("nodes")) {
                if (path != null && p.path("body").asText("").contains(path)) {
                    found.add("page '" + p.path("title").asText(p.path("handle").asText()) + "'");
                }
            }
            if (!pages.path("pageInfo").path("hasNextPage").asBoolean(false)) {
                break;
            }
            after = pages.path("pageInfo").path("endCursor").asText();
        }
        return found;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private ShopifyApi.StagedTarget stage(Upload upload, String name) throws LumasyncException {
        ObjectNode input = ShopifyApi.variables().put("resource", "IMAGE").put("filename", name)
                .put("mimeType", upload.image().mimeType()).put("httpMethod", "POST")
                .put("fileSize", Long.toString(upload.image().size()));
        ObjectNode vars = ShopifyApi.variables();
        vars.putArray("input").add(input);
        JsonNode d = api.graphql(ShopifyQueries.STAGED_UPLOADS_CREATE, vars, ShopifyQueries.MUTATION_COST,
                "prepare the upload of " + name).path("stagedUploadsCreate");
        userErrors(d, "prepare the upload of " + name);
        JsonNode t = d.path("stagedTargets").path(0);
        List<String[]> params = new ArrayList<>();
        t.path("parameters").forEach(p -> params.add(new String[]{p.path("name").asText(), p.path("value").asText()}));
        ShopifyApi.StagedTarget target;
        try {
            target = new ShopifyApi.StagedTarget(URI.create(t.path("url").asText()),
                    URI.create(t.path("resourceUrl").asText()), params);
        } catch (IllegalArgumentException e) {
            throw new LumasyncException(ErrorKind.RETRY, api.what() + " gave no usable upload address for " + name + ".", e);
        }
        api.stagedUpload(target, upload.image().bytes(), name, upload.image().mimeType());
        return target;
    }

    /** Waits for Shopify to process the file: READY gives its address, FAILED gives up with Shopify's reasons. */
    private RemoteRef ready(String id, String name) throws LumasyncException {
        long waitMs = 250;
        for (int i = 0; i < MAX_POLLS; i++) {
            JsonNode f = file(id).orElseThrow(() -> LumasyncException.giveUp(api.what() + " lost file " + id
                    + " (" + name + ") while processing it; it was probably deleted in Shopify."));
            String status = f.path("fileStatus").asText("");
            String url = f.path("image").path("url").asText("");
            if (status.equals("READY") && !url.isEmpty()) {
                return new RemoteRef(id, url);
            }
            if (status.equals("FAILED")) {
                List<String> why = new ArrayList<>();
                f.path("fileErrors").forEach(e -> why.add(e.path("message").asText(e.path("code").asText())
                        + (e.path("details").asText("").isBlank() ? "" : " (" + e.path("details").asText() + ")")));
                throw LumasyncException.giveUp(api.what() + " could not process " + name + ": "
                        + (why.isEmpty() ? "no reason given" : String.join("; ", why))
                        + ". Try another output format or a smaller size.");
            }
            try {
                pause.pause(Duration.ofMillis(waitMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LumasyncException(ErrorKind.RETRY, "Stopped while Shopify processed " + name + ".", e);
            }
            waitMs = Math.min(2000, waitMs * 2);
        }
        throw LumasyncException.retry(api.what() + " is still processing " + name + "; Lumasync will check again.",
                Duration.ofSeconds(30));
    }

    private Optional<JsonNode> file(String id) throws LumasyncException {
        JsonNode node = api.graphql(ShopifyQueries.FILE_STATUS, ShopifyApi.variables().put("id", id),
                ShopifyQueries.FILE_STATUS_COST, "check file " + id).path("node");
        return node.isObject() ? Optional.of(node) : Optional.empty();
    }

    private void userErrors(JsonNode payload, String action) throws LumasyncException {
        JsonNode errors = payload.path("userErrors");
        if (!errors.isArray() || errors.isEmpty()) {
            return;
        }
        List<String> messages = new ArrayList<>();
        boolean gone = false;
        for (JsonNode e : errors) {
            messages.add(e.path("message").asText("unknown error"));
            gone |= e.path("code").asText("").equals("FILE_DOES_NOT_EXIST");
        }
        throw LumasyncException.giveUp(api.what() + " refused to " + action + ": " + String.join("; ", messages)
                + (gone ? ". The file was deleted in Shopify." : "."));
    }

    private void check(Upload upload) throws LumasyncException {
        String file = upload.image().fileName();
        if (upload.image().size() > MAX_BYTES) {
            throw LumasyncException.giveUp(file + " (" + upload.image().size() / (1024 * 1024) + " MB) is too large for"
                    + " Shopify Files, which takes images up to 20 MB. Lower the maximum size or quality.");
        }
        if (!FORMATS.contains(upload.image().format())) {
            throw LumasyncException.giveUp("Shopify Files does not take " + upload.image().format().name() + " images,"
                    + " so " + file + " was not sent. Choose JPEG, WebP or PNG for this destination.");
        }
    }

    /** Shopify shows the name in Files and puts it in the URL. */
    static String fileName(Upload upload) {
        return SafeFileNames.of(upload);
    }

    private static String fileNameOf(String url) {
        String bare = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return bare.substring(bare.lastIndexOf('/') + 1);
    }
}
