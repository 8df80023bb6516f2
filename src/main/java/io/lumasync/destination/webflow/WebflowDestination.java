package io.lumasync.destination.webflow;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes to a Webflow site's Assets. Webflow cannot replace an asset's file, so an update publishes a new asset,
 * points every CMS item that showed the old one at it ({@link CmsRepointer}), publishes those items when asked, and
 * only then deletes the old asset: pages never show a missing image, and the engine records the new address.
 */
public final class WebflowDestination implements Destination {
    /** Webflow takes images up to 4 MB (Assets API reference, limits). */
    static final long MAX_IMAGE_BYTES = 4L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebflowDestination.class);
    /** How many of the site's assets reconcile looks through for an upload whose answer was lost. */
    private static final int RECONCILE_SCAN = 1000;

    private final WebflowApi api;
    private final CmsRepointer repointer;
    private final boolean publishItems;
    private volatile Capabilities caps;

    public WebflowDestination(WebflowApi api, String collections, boolean publishItems) {
        this.api = api;
        this.repointer = new CmsRepointer(api, collections);
        this.publishItems = publishItems;
    }

    @Override
    public Capabilities capabilities() throws LumasyncException {
        Capabilities c = caps;
        if (c == null) {
            JsonNode site = api.site();
            String name = site.path("displayName").asText(site.path("shortName").asText(""));
            c = new Capabilities(Set.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG, ImageFormat.PNG,
                    ImageFormat.GIF), MAX_IMAGE_BYTES, ReplaceStrategy.NEW_ASSET_REPOINTED, true, true,
                    List.of("Connected to the site " + name + ".", "Webflow cannot replace an image's file: an update"
                            + " uploads a new asset, points the CMS items that showed the old one at it"
                            + (publishItems ? " and publishes them" : " (publish them in Webflow)")
                            + ", then deletes the old asset. Its address changes."));
            caps = c;
        }
        return c;
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        long size = upload.image().size();
        if (size > MAX_IMAGE_BYTES) {
            throw LumasyncException.giveUp(upload.image().fileName() + " is " + String.format("%.1f", size / 1048576.0)
                    + " MB: too large for Webflow, which takes images up to 4 MB. Lower the maximum size or quality"
                    + " for this destination.");
        }
        byte[] bytes = upload.image().bytes();
        JsonNode created = api.createAsset(upload.image().fileName(), BearerApi.hex("MD5", bytes));
        String id = created.path("id").asText("");
        if (id.isEmpty()) {
            throw LumasyncException.retry(api.what() + " answered without an asset id.", null);
        }
        api.sendFile(created, bytes, upload.image().fileName(), upload.image().mimeType());
        RemoteRef ref = new RemoteRef(id, created.path("hostedUrl").asText(""));
        writeText(ref, upload.metadata());
        return ref;
    }

    /** A new asset takes the old one's place in the CMS; then the old one is deleted. */
    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        // After a failed attempt the new asset may exist already: take it rather than uploading a second one.
        Optional<RemoteRef> earlier = reconcile(upload).filter(r -> !r.id().equals(existing.id()));
        RemoteRef fresh = earlier.isPresent() ? earlier.get() : put(upload);
        List<CmsRepointer.Repointed> changed = repointer.repoint(existing, fresh);
        int items = 0;
        for (CmsRepointer.Repointed r : changed) {
            items += r.items().size();
            if (publishItems) {
                api.publishItems(r.collection(), r.items());
            }
        }
        api.deleteAsset(existing.id());
        LOG.info("Webflow: {} replaced by asset {}; {} CMS item(s) re-pointed{}", existing.id(), fresh.id(), items,
                publishItems ? " and published" : "");
        return fresh;
    }

    @Override
    public Renaming renaming() {
        return new Renaming(Renaming.Route.REPLACE, "Webflow cannot rename an asset's file: a new asset is uploaded"
                + " under the new name, the CMS items that showed the old one are pointed at it, then the old asset is"
                + " deleted; its address changes.");
    }

    @Override
    public void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        api.updateAsset(existing.id(), metadata.title(), metadata.altText());
    }

    /** The display name and alt text of an asset; empty when it is gone. */
    @Override
    public Optional<AssetMetadata> metadata(RemoteRef ref) throws LumasyncException {
        return api.asset(ref.id()).map(a -> new AssetMetadata(a.path("altText").asText(""),
                a.path("displayName").asText(""), "", ""));
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        api.deleteAsset(ref.id());
    }

    /**
     * Finds an upload whose answer was lost: an asset of the same file name and size whose file holds exactly these
     * bytes (Webflow takes no key of ours). A record whose file never arrived is deleted on the way.
     */
    @Override
    public Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        String name = upload.image().fileName();
        int perPage = 100;
        for (int offset = 0; offset < RECONCILE_SCAN; offset += perPage) {
            JsonNode page = api.assets(offset, perPage);
            for (JsonNode a : page.path("assets")) {
                if (!name.equals(a.path("originalFileName").asText())) {
                    continue;
                }
                RemoteRef ref = new RemoteRef(a.path("id").asText(), a.path("hostedUrl").asText(""));
                long size = a.path("size").asLong(0);
                if (size == 0) {
                    api.deleteAsset(ref.id()); // its file never arrived
                } else if (size == upload.image().size() && sameBytes(ref, upload.image().bytes())) {
                    writeText(ref, upload.metadata());
                    return Optional.of(ref);
                }
            }
            if (page.path("assets").size() < perPage) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        List<RemoteAsset> out = new ArrayList<>();
        for (JsonNode a : api.assets((page - 1) * perPage, perPage).path("assets")) {
            out.add(new RemoteAsset(new RemoteRef(a.path("id").asText(), a.path("hostedUrl").asText("")),
                    a.path("originalFileName").asText(""), a.path("contentType").asText(""), a.path("size").asLong(0),
                    0, 0, ""));
        }
        return out;
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        JsonNode a = api.asset(ref.id()).orElseThrow(() -> new LumasyncException(ErrorKind.GIVE_UP,
                api.what() + " no longer has asset " + ref.id() + "; it was deleted in Webflow."));
        return new ByteArrayInputStream(api.download(a.path("hostedUrl").asText("")));
    }

    private boolean sameBytes(RemoteRef ref, byte[] bytes) throws LumasyncException {
        return !ref.url().isEmpty() && Arrays.equals(api.download(ref.url()), bytes);
    }

    private void writeText(RemoteRef ref, AssetMetadata md) throws LumasyncException {
        if (!md.altText().isEmpty() || !md.title().isEmpty()) {
            api.updateAsset(ref.id(), md.title(), md.altText());
        }
    }
}
