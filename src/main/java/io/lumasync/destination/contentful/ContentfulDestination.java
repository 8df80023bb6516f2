package io.lumasync.destination.contentful;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.http.BearerApi;
import io.lumasync.http.BearerApi.Answer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes to a Contentful space as assets. An asset's id is chosen by Lumasync from the sync id, so an upload
 * whose answer was lost is found again by that id (never made twice). A put or replace uploads the bytes, points the
 * asset's file at the upload, asks Contentful to process it, waits until the file has its address, then publishes.
 * A replace keeps the asset id (entries linking it stay linked) but Contentful gives the new file a new address.
 */
public final class ContentfulDestination implements Destination {
    /** Contentful's Images API serves image files up to 20 MB (Technical limits page); larger ones are refused here. */
    static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

    /** Waits; {@link Thread#sleep} in the product, nothing in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final ContentfulApi api;
    private final String locale;
    private final Sleeper sleeper;
    private final Duration processingTimeout;
    private volatile Capabilities caps;

    public ContentfulDestination(ContentfulApi api, String locale) {
        this(api, locale, Thread::sleep, Duration.ofMinutes(2));
    }

    ContentfulDestination(ContentfulApi api, String locale, Sleeper sleeper, Duration processingTimeout) {
        this.api = api;
        this.locale = locale;
        this.sleeper = sleeper;
        this.processingTimeout = processingTimeout;
    }

    @Override
    public Capabilities capabilities() throws LumasyncException {
        Capabilities c = caps;
        if (c == null) {
            List<String> codes = new ArrayList<>();
            api.locales().path("items").forEach(l -> codes.add(l.path("code").asText()));
            if (!codes.contains(locale)) {
                throw new LumasyncException(ErrorKind.UNAVAILABLE, api.what() + " has no locale '" + locale
                        + "'; its locales are " + String.join(", ", codes) + ". Choose one of them in the settings.");
            }
            c = new Capabilities(Set.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG, ImageFormat.PNG,
                    ImageFormat.GIF), MAX_IMAGE_BYTES, ReplaceStrategy.SAME_ID_NEW_URL, true, true,
                    List.of("Assets are published in the locale " + locale + ".",
                            "An updated photo keeps its asset (entries stay linked) but gets a new file address."));
            caps = c;
        }
        return c;
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        checkSize(upload);
        String id = assetId(upload.syncId());
        String uploadId = api.upload(upload.image().bytes(), upload.image().fileName());
        Answer a = api.putAsset(id, 0, body(Optional.empty(), upload.metadata(), Optional.of(file(upload, uploadId))),
                "create the asset for " + upload.image().fileName());
        ContentfulApi.Asset created;
        if (a.status() == 409) {
            // The asset exists: an earlier attempt made it and its answer was lost. Point it at this upload.
            created = update(id, upload.metadata(), Optional.of(file(upload, uploadId)), upload.image().fileName());
        } else {
            created = api.expectAsset(a, "create the asset for " + upload.image().fileName(), locale);
        }
        return finish(created, upload.image().fileName());
    }

    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        checkSize(upload);
        String uploadId = api.upload(upload.image().bytes(), upload.image().fileName());
        ContentfulApi.Asset updated = update(existing.id(), upload.metadata(), Optional.of(file(upload, uploadId)),
                upload.image().fileName());
        return finish(updated, upload.image().fileName());
    }

    @Override
    public Renaming renaming() {
        return new Renaming(Renaming.Route.REPLACE, "Contentful keeps the asset, so entries that link it stay linked:"
                + " the file is uploaded again under the new name and the asset published; its address changes.");
    }

    @Override
    public void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        ContentfulApi.Asset a = update(existing.id(), metadata, Optional.empty(), existing.id());
        api.publish(a.id(), a.version(), locale);
    }

    /** The title and description stored for an asset; empty when it is gone. */
    @Override
    public Optional<AssetMetadata> metadata(RemoteRef ref) throws LumasyncException {
        return api.asset(ref.id(), locale).map(a -> new AssetMetadata(
                a.fields().path("description").path(locale).asText(""), a.fields().path("title").path(locale).asText(""),
                "", ""));
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        api.delete(ref.id());
    }

    /** Finds the asset an earlier attempt made (its id comes from the sync id) and finishes it if it was cut short. */
    @Override
    public Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        Optional<ContentfulApi.Asset> found = api.asset(assetId(upload.syncId()), locale);
        if (found.isEmpty() || (found.get().fileUrl().isEmpty() && !found.get().hasPendingUpload())) {
            return Optional.empty();
        }
        ContentfulApi.Asset a = found.get();
        if (a.fileUrl().isPresent() && a.size() > 0 && a.size() != upload.image().size()) {
            return Optional.empty(); // holds another version of the photo: put points it at this one
        }
        return Optional.of(finish(a, upload.image().fileName()));
    }

    @Override
    public List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        JsonNode p = api.assets((page - 1) * perPage, perPage);
        List<RemoteAsset> out = new ArrayList<>();
        for (JsonNode n : p.path("items")) {
            ContentfulApi.Asset a = api.read(n, locale);
            JsonNode file = n.path("fields").path("file").path(locale);
            JsonNode image = file.path("details").path("image");
            out.add(new RemoteAsset(new RemoteRef(a.id(), a.fileUrl().map(this::absolute).orElse("")),
                    file.path("fileName").asText(""), file.path("contentType").asText(""), a.size(),
                    image.path("width").asInt(0), image.path("height").asInt(0), ""));
        }
        return out;
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        ContentfulApi.Asset a = api.asset(ref.id(), locale).orElseThrow(() -> LumasyncException.giveUp(
                api.what() + " no longer has asset " + ref.id() + "; it was deleted in Contentful."));
        String url = a.fileUrl().orElseThrow(() -> LumasyncException.giveUp(
                api.what() + ": asset " + ref.id() + " has no file in the locale " + locale + "."));
        return new ByteArrayInputStream(api.download(URI.create(absolute(url))));
    }

    // ---- steps --------------------------------------------------------------------------------------------

    /**
     * Reads the asset and writes it back with new text (and file), with the version just read; a 409 (someone
     * changed it in between) reads it again and tries once more.
     */
    private ContentfulApi.Asset update(String id, AssetMetadata md, Optional<ObjectNode> file, String what)
            throws LumasyncException {
        for (int attempt = 1; ; attempt++) {
            ContentfulApi.Asset cur = api.asset(id, locale).orElseThrow(() -> LumasyncException.giveUp(
                    api.what() + " no longer has asset " + id + " (" + what + "); it was deleted in Contentful."));
            Answer a = api.putAsset(id, cur.version(), body(Optional.of(cur.fields()), md, file), "update " + what);
            if (a.status() == 409 && attempt == 1) {
                continue;
            }
            return api.expectAsset(a, "update " + what, locale);
        }
    }

    /** Processes a new file (if one waits), waits for its address, publishes. */
    private RemoteRef finish(ContentfulApi.Asset asset, String fileName) throws LumasyncException {
        ContentfulApi.Asset a = asset;
        if (a.fileUrl().isEmpty()) {
            api.process(a.id(), a.version(), locale);
            a = awaitProcessed(a.id(), fileName);
        }
        ContentfulApi.Asset published = a.published() ? a : api.publish(a.id(), a.version(), locale);
        return new RemoteRef(published.id(), published.fileUrl().map(this::absolute).orElse(""));
    }

    private ContentfulApi.Asset awaitProcessed(String id, String fileName) throws LumasyncException {
        long deadline = System.nanoTime() + processingTimeout.toNanos();
        Duration wait = Duration.ofMillis(200);
        while (true) {
            Optional<ContentfulApi.Asset> a = api.asset(id, locale);
            if (a.isPresent() && a.get().fileUrl().isPresent()) {
                return a.get();
            }
            if (System.nanoTime() > deadline) {
                throw LumasyncException.retry(api.what() + " is still processing " + fileName + "; Lumasync will"
                        + " look again later.", Duration.ofSeconds(30));
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LumasyncException(ErrorKind.RETRY, "Stopped while waiting for Contentful.", e);
            }
            wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : wait.multipliedBy(2);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void checkSize(Upload upload) throws LumasyncException {
        long size = upload.image().size();
        if (size > MAX_IMAGE_BYTES) {
            throw LumasyncException.giveUp(upload.image().fileName() + " is " + size / (1024 * 1024) + " MB: too large"
                    + " for Contentful, which serves images up to " + MAX_IMAGE_BYTES / (1024 * 1024) + " MB. Lower"
                    + " the maximum size or quality for this destination.");
        }
    }

    private ObjectNode file(Upload upload, String uploadId) {
        ObjectNode f = BearerApi.mapper().createObjectNode();
        f.put("contentType", upload.image().mimeType());
        f.put("fileName", upload.image().fileName());
        ObjectNode sys = f.putObject("uploadFrom").putObject("sys");
        sys.put("type", "Link").put("linkType", "Upload").put("id", uploadId);
        return f;
    }

    /**
     * The asset's fields: those it had (other locales kept), with this locale's title, description (the alt text,
     * or the description when there is none) and file. Contentful stores whole bodies, never merges.
     */
    private ObjectNode body(Optional<JsonNode> before, AssetMetadata md, Optional<ObjectNode> file) {
        ObjectNode root = BearerApi.mapper().createObjectNode();
        ObjectNode fields = before.filter(JsonNode::isObject).map(f -> ((ObjectNode) f).deepCopy())
                .orElseGet(() -> BearerApi.mapper().createObjectNode());
        root.set("fields", fields);
        String description = md.altText().isEmpty() ? md.description() : md.altText();
        String title = md.title().isEmpty() ? file.map(f -> stem(f.path("fileName").asText(""))).orElse("") : md.title();
        if (!title.isEmpty()) {
            localized(fields, "title").put(locale, title);
        }
        localized(fields, "description").put(locale, description);
        file.ifPresent(f -> localized(fields, "file").set(locale, f));
        return root;
    }

    private static ObjectNode localized(ObjectNode fields, String name) {
        JsonNode n = fields.get(name);
        return n instanceof ObjectNode o ? o : fields.putObject(name);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Contentful gives file addresses without a scheme ({@code //images.ctfassets.net/…}): the API's is used. */
    private String absolute(String url) {
        return url.startsWith("//") ? api.scheme() + ":" + url : url;
    }

    /** Lumasync's asset id for a sync id: stable, within Contentful's 64 characters of [A-Za-z0-9-_.]. */
    static String assetId(String syncId) {
        return "lumasync-" + BearerApi.hex("SHA-256", syncId.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }
}
