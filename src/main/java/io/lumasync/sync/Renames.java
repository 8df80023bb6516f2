package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.Renaming;
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
import java.util.regex.Pattern;

import static io.lumasync.sync.SyncService.usage;

/**
 * The deliberate rename: gives one published image the name its destination's file-name template gives it now,
 * by the route the destination declares ({@link Renaming}), and reports the address change so the pages that link
 * the old address can be fixed. Editing a template never does this by itself.
 *
 * <p>Whatever the route, the sync map only ever points at a live asset: the new one is made (or the same one
 * renamed) and recorded first, and an old asset is removed only after that. A rename cut short leaves the old asset
 * published and recorded; trying again takes up a copy the first attempt made instead of making another.
 */
final class Renames {
    /** Files larger than this are not read back for a rename. */
    static final int MAX_BYTES = 512 << 20;
    /** Bytes read from the head of a published file for its capture date and camera. */
    static final int FACTS_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(Renames.class);

    private final ConfigStore config;
    private final SyncMap map;
    private final AdapterResolver adapters;
    private final Clock clock;

    Renames(ConfigStore config, SyncMap map, AdapterResolver adapters, Clock clock) {
        this.config = config;
        this.map = map;
        this.adapters = adapters;
        this.clock = clock;
    }

    /** The new name and how the destination would get there; an empty name when it already is the template's. */
    RenamePreview preview(String source, String assetId, String destination) throws LumasyncException {
        SyncMapEntry e = entry(source, assetId, destination);
        Renaming how = adapters.destination(destination).renaming();
        String name = newName(e, template(destination));
        return new RenamePreview(e.remote().url(), sameName(e, name) ? "" : UploadNames.lastSegment(name),
                how.explanation(), how.route() != Renaming.Route.REFUSED);
    }

    RenameReport rename(String source, String assetId, String destination) throws LumasyncException {
        Destination d = adapters.destination(destination);
        Renaming how = d.renaming();
        if (how.route() == Renaming.Route.REFUSED) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "'" + destination + "' cannot rename: "
                    + how.explanation() + " Nothing was changed.");
        }
        SyncMapEntry e = entry(source, assetId, destination);
        String template = template(destination);
        String name = newName(e, template);
        if (sameName(e, name)) {
            return new RenameReport(e.remote().url(), e.remote().url(), Optional.empty());
        }
        RemoteRef old = e.remote();
        return switch (how.route()) {
            case SERVER_COPY -> recordThenRemove(e, d, d.copyAs(old, UploadNames.lastSegment(name)));
            case IN_PLACE -> record(e, d.renameInPlace(old, UploadNames.lastSegment(name)), Optional.empty());
            case REPLACE -> record(e, d.replace(old, upload(e, d, name)), Optional.empty());
            case REPUBLISH -> {
                Upload u = upload(e, d, name);
                // A copy an earlier, cut-short attempt made is taken up rather than published a second time.
                Optional<RemoteRef> earlier = d.reconcile(u).filter(r -> !r.id().equals(old.id()));
                yield recordThenRemove(e, d, earlier.isPresent() ? earlier.get() : d.put(u));
            }
            case REFUSED -> throw new IllegalStateException("refused above");
        };
    }

    private SyncMapEntry entry(String source, String assetId, String destination) throws LumasyncException {
        return map.get(source, assetId, destination).orElseThrow(() -> usage("'" + source + ":" + assetId
                + "' has not been published to '" + destination + "'; see lumasync map."));
    }

    private String template(String destination) throws LumasyncException {
        return config.destination(destination).flatMap(d -> UploadNames.template(d.settings()))
                .orElseThrow(() -> usage("'" + destination + "' has no file-name template (name_template): set one "
                        + "first."));
    }

    private String newName(SyncMapEntry e, String template) throws LumasyncException {
        EncodedImage shape = image(e, new byte[0], e.assetName());
        List<SyncMapEntry> published = map.list(Optional.of(e.destination()));
        UploadNames.Known known = new UploadNames.Known(title(e), capture(e, template), e.fingerprint().modifiedMs(),
                "");
        return UploadNames.name(template, e.source(), e.assetId(), e.assetName(), "", known, shape, published,
                Set.of());
    }

    /** The title the destination keeps for the file, for {title} and {slug}; empty (the file name's) otherwise. */
    private String title(SyncMapEntry e) {
        try {
            return adapters.destination(e.destination()).metadata(e.remote()).map(AssetMetadata::title).orElse("");
        } catch (LumasyncException ex) {
            return "";
        }
    }

    /**
     * The capture date and camera for {date} and {camera}: read from the head of the published file (the pipeline
     * kept them in its EXIF) only when the template uses them; none when it cannot be read, and {date} then falls
     * back to the file's time.
     */
    private CaptureFacts capture(SyncMapEntry e, String template) throws LumasyncException {
        if (!template.contains("{date") && !template.contains("{camera")) {
            return CaptureFacts.NONE;
        }
        try (InputStream in = adapters.destination(e.destination()).download(e.remote())) {
            return CaptureFacts.of(in.readNBytes(FACTS_BYTES));
        } catch (IOException | UnsupportedOperationException ex) {
            return CaptureFacts.NONE;
        }
    }

    /**
     * Whether the published file already has the template's name: its address or id ends in it, in it with the
     * number a destination adds when another file holds the name ({@code name-2.ext}), or in the name of the
     * scaled-down copy WordPress serves of a big image ({@code name-scaled.ext}). Renaming such a file again would
     * only come back to the same name.
     */
    private static boolean sameName(SyncMapEntry e, String name) {
        String wanted = UploadNames.lastSegment(name);
        int dot = wanted.lastIndexOf('.');
        Pattern named = dot <= 0 ? Pattern.compile(Pattern.quote(wanted), Pattern.CASE_INSENSITIVE)
                : Pattern.compile(Pattern.quote(wanted.substring(0, dot)) + "([-_]\\d{1,4})?(-scaled)?"
                        + Pattern.quote(wanted.substring(dot)), Pattern.CASE_INSENSITIVE);
        return named.matcher(UploadNames.lastSegment(e.remote().url())).matches()
                || named.matcher(UploadNames.lastSegment(e.remote().id())).matches();
    }

    private static EncodedImage image(SyncMapEntry e, byte[] bytes, String name) {
        return new EncodedImage(bytes, ImageFormat.valueOf(e.format()), name, 0, 0, e.bytesIn(), List.of());
    }

    /** The published file read back, under its new name, with the text the destination keeps for it. */
    private static Upload upload(SyncMapEntry e, Destination d, String name) throws LumasyncException {
        byte[] bytes;
        try (InputStream in = d.download(e.remote())) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException ex) {
            throw LumasyncException.giveUp("The published file could not be read back: " + ex.getMessage()
                    + ". Nothing was changed.");
        }
        if (bytes.length > MAX_BYTES) {
            throw LumasyncException.giveUp("The published file is too large to rename here; nothing was changed.");
        }
        AssetMetadata text = d.metadata(e.remote()).orElse(AssetMetadata.EMPTY);
        return new Upload(image(e, bytes, name), text, Hashing.syncId("rename", e.source() + ":" + e.assetId(),
                e.destination()), e.source(), e.assetId(), "");
    }

    private RenameReport recordThenRemove(SyncMapEntry e, Destination d, RemoteRef fresh) throws LumasyncException {
        RenameReport done = record(e, fresh, Optional.empty());
        if (fresh.id().equals(e.remote().id())) {
            return done;
        }
        try {
            d.remove(e.remote());
            return done;
        } catch (LumasyncException ex) {
            // The new file is published and recorded; the old one staying behind breaks no page.
            LOG.warn("RenameReport '{}' at '{}', but the old file could not be removed: {}", e.assetId(),
                    e.destination(), ex.getMessage());
            return new RenameReport(done.oldUrl(), done.newUrl(), Optional.of("The old file is still there ("
                    + ex.getMessage() + "); remove it by hand when no page needs it."));
        }
    }

    private RenameReport record(SyncMapEntry e, RemoteRef fresh, Optional<String> leftover) throws LumasyncException {
        map.upsert(new SyncMapEntry(e.source(), e.assetId(), e.destination(), e.assetName(), e.fingerprint(),
                e.settingsHash(), e.metadataHash(), fresh, e.format(), e.bytesIn(), e.bytesOut(), clock.instant()));
        return new RenameReport(e.remote().url(), fresh.url(), leftover);
    }
}
