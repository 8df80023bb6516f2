package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.Upload;
import io.lumasync.image.CaptureFacts;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.lumasync.sync.SyncService.usage;

/**
 * The deliberate rename: republishes one published image under the name its destination's file-name template
 * gives it now, removes the old file and reports the address change, so the pages that link the old address can be
 * fixed. Editing a template never does this by itself.
 */
final class Renames {
    /** Files larger than this are not downloaded back for a rename. */
    static final int MAX_BYTES = 512 << 20;

    /** What a rename did: the old and the new address (equal when the name was already the template's). */
    record Renamed(String oldUrl, String newUrl) {
        boolean changed() {
            return !oldUrl.equals(newUrl);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Renames.class);

    private Renames() {
    }

    static Renamed rename(ConfigStore config, SyncMap map, AdapterResolver adapters, Clock clock, String source,
                          String assetId, String destination) throws LumasyncException {
        SyncMapEntry e = map.get(source, assetId, destination).orElseThrow(() -> usage("'" + source + ":" + assetId
                + "' has not been published to '" + destination + "'; see lumasync map."));
        String template = config.destination(destination).flatMap(d -> UploadNames.template(d.settings()))
                .orElseThrow(() -> usage("'" + destination + "' has no file-name template (name_template): set one "
                        + "first."));
        Destination d = adapters.destination(destination);
        byte[] bytes;
        try (InputStream in = d.download(e.remote())) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException ex) {
            throw LumasyncException.giveUp("the published file could not be read back: " + ex.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw LumasyncException.giveUp("the published file is too large to rename here; sync it again instead.");
        }
        ImageFormat format = ImageFormat.valueOf(e.format());
        EncodedImage img = new EncodedImage(bytes, format, e.assetName(), 0, 0, e.bytesIn(), List.of());
        List<SyncMapEntry> published = map.list(Optional.of(destination));
        UploadNames.Known known = new UploadNames.Known("", CaptureFacts.of(bytes), e.fingerprint().modifiedMs(), "");
        String name = UploadNames.name(template, source, assetId, e.assetName(), "", known, img, published, Set.of());
        String current = UploadNames.lastSegment(e.remote().url());
        if (current.equalsIgnoreCase(UploadNames.lastSegment(name))) {
            return new Renamed(e.remote().url(), e.remote().url());
        }
        RemoteRef fresh = d.put(new Upload(UploadNames.renamed(img, name), AssetMetadata.EMPTY,
                Hashing.syncId("rename", source + ":" + assetId, destination), source, assetId, ""));
        map.upsert(new SyncMapEntry(e.source(), e.assetId(), e.destination(), e.assetName(), e.fingerprint(),
                e.settingsHash(), e.metadataHash(), fresh, e.format(), e.bytesIn(), e.bytesOut(), clock.instant()));
        try {
            d.remove(e.remote());
        } catch (LumasyncException ex) {
            // The new file is published and recorded; the old one staying behind breaks no page.
            LOG.warn("Renamed '{}' at '{}', but the old file could not be removed: {}", assetId, destination,
                    ex.getMessage());
        }
        return new Renamed(e.remote().url(), fresh.url());
    }
}
