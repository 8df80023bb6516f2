package io.lumasync.ui.optimize;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.image.ImagePipeline;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import io.lumasync.sync.BatchProgress;
import io.lumasync.sync.ItemProgress;
import io.lumasync.sync.PlanCounts;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SyncListener;
import io.lumasync.ui.common.engine.OptimizeService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Optimize: download → back up the original locally → recompress → replace in place. The backup folder holds
 * the original bytes and a small manifest (remote id, file name) per asset, so Rollback can put them back.
 * An image that would not get smaller is left alone.
 */
public final class OptimizeWorkflow implements OptimizeService {
    /** A published image read whole into memory: far above any web image, far below a full heap. */
    static final int MAX_DOWNLOAD_BYTES = 256 << 20;

    /** Opens a configured destination by name. The opener owns (caches, closes) the instance, never this class. */
    @FunctionalInterface
    public interface DestinationOpener {
        Destination open(String name) throws LumasyncException;
    }

    private final DestinationOpener opener;
    private final ImagePipeline pipeline;
    private final Path backupRoot;

    public OptimizeWorkflow(DestinationOpener opener, ImagePipeline pipeline, Path backupRoot) {
        this.opener = opener;
        this.pipeline = pipeline;
        this.backupRoot = backupRoot;
    }

    @Override
    public List<RemoteAsset> list(String destination, int page, int perPage) throws LumasyncException {
        {
            Destination d = opener.open(destination);
            if (!d.capabilities().canList()) {
                throw LumasyncException.giveUp("\"" + destination + "\" cannot list its files, so it cannot be optimized.");
            }
            return d.list(page, perPage);
        }
    }

    @Override
    public Preview preview(String destination, RemoteAsset asset, EncodeSettings settings) throws LumasyncException {
        {
            Destination d = opener.open(destination);
            byte[] before = download(d, asset);
            EncodedImage after = encode(d.capabilities(), asset, before, settings);
            return new Preview(asset.fileName(), before, after.bytes(), after.format().name(), after.notes());
        }
    }

    @Override
    public RunReport optimize(String destination, List<RemoteAsset> assets, EncodeSettings settings,
                              SyncListener listener) {
        List<ItemProgress> results = new ArrayList<>();
        int failed = 0;
        int skipped = 0;
        Path runDir = backupRoot.resolve(safe(destination));
        try {
            Destination d = opener.open(destination);
            Capabilities caps = d.capabilities();
            if (caps.replace() == ReplaceStrategy.PUT_THEN_REMOVE) {
                // Replacing would change the address of every optimized image; say so rather than break links.
                throw LumasyncException.giveUp("\"" + destination + "\" cannot replace files in place, so optimizing "
                        + "would change their addresses. Nothing was changed.");
            }
            for (RemoteAsset a : assets) {
                ItemProgress p = optimizeOne(d, caps, destination, a, settings, runDir, listener);
                failed += p.state() == JobState.FAILED ? 1 : 0;
                skipped += p.state() == JobState.SKIPPED ? 1 : 0;
                results.add(p);
                listener.onBatch(new BatchProgress(assets.size(), results.size() - failed - skipped, skipped, failed));
            }
        } catch (LumasyncException e) {
            for (RemoteAsset a : assets.subList(results.size(), assets.size())) {
                results.add(new ItemProgress(destination, a.ref().id(), a.fileName(), destination, JobAction.REPLACE, JobState.FAILED,
                        a.size(), 0, e.getMessage(), a.ref().url()));
                failed++;
            }
            listener.onBatch(new BatchProgress(assets.size(), results.size() - failed - skipped, skipped, failed));
        }
        return new RunReport(false, Map.of(destination, new PlanCounts(0, assets.size() - skipped, 0, skipped, 0)), results,
                List.of());
    }

    private ItemProgress optimizeOne(Destination d, Capabilities caps, String dest, RemoteAsset a,
                                     EncodeSettings settings, Path runDir, SyncListener l) {
        String id = a.ref().id();
        try {
            l.onItem(new ItemProgress(dest, id, a.fileName(), dest, JobAction.REPLACE, JobState.ENCODING, a.size(), 0, "", a.ref().url()));
            byte[] before = download(d, a);
            EncodedImage after = encode(caps, a, before, settings);
            if (after.size() >= before.length) {
                ItemProgress p = new ItemProgress(dest, id, a.fileName(), dest, JobAction.REPLACE, JobState.SKIPPED, before.length,
                        before.length, "Already as small as it gets at this quality; left unchanged.", a.ref().url());
                l.onItem(p);
                return p;
            }
            backup(runDir, a, before);
            l.onItem(new ItemProgress(dest, id, a.fileName(), dest, JobAction.REPLACE, JobState.UPLOADING, before.length, after.size(), "",
                    a.ref().url()));
            RemoteRef ref = d.replace(a.ref(), new Upload(after, AssetMetadata.EMPTY, "optimize:" + dest + ":" + id,
                    dest, id, ""));
            ItemProgress p = new ItemProgress(dest, id, a.fileName(), dest, JobAction.REPLACE, JobState.DONE, before.length, after.size(),
                    String.join(" ", after.notes()), ref.url());
            l.onItem(p);
            return p;
        } catch (LumasyncException e) {
            ItemProgress p = new ItemProgress(dest, id, a.fileName(), dest, JobAction.REPLACE, JobState.FAILED, a.size(), 0,
                    e.getMessage(), a.ref().url());
            l.onItem(p);
            return p;
        }
    }

    @Override
    public int rollback(String destination) throws LumasyncException {
        Path runDir = backupRoot.resolve(safe(destination));
        if (!Files.isDirectory(runDir)) {
            return 0;
        }
        int restored = 0;
        Destination d = opener.open(destination);
        try (var manifests = Files.list(runDir)) {
            for (Path m : manifests.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                Properties props = new Properties();
                try (InputStream in = Files.newInputStream(m)) {
                    props.load(in);
                }
                Path original = m.resolveSibling(m.getFileName().toString().replace(".properties", ".orig"));
                byte[] bytes = Files.readAllBytes(original);
                ImageFormat f = ImageFormat.fromMimeType(props.getProperty("mime", ""))
                        .or(() -> ImageFormat.fromExtension(props.getProperty("name"))).orElse(ImageFormat.JPEG);
                EncodedImage img = new EncodedImage(bytes, f, props.getProperty("name"), 0, 0, bytes.length,
                        List.of("restored original"));
                d.replace(new RemoteRef(props.getProperty("id"), props.getProperty("url")), new Upload(img,
                        AssetMetadata.EMPTY, "rollback:" + destination + ":" + props.getProperty("id"), destination,
                        props.getProperty("id"), ""));
                Files.delete(m);
                Files.delete(original);
                restored++;
            }
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "Could not read the backups in " + runDir + ": "
                    + e.getMessage(), e);
        }
        return restored;
    }

    private void backup(Path runDir, RemoteAsset a, byte[] original) throws LumasyncException {
        try {
            Files.createDirectories(runDir);
            String base = safe(a.ref().id());
            Path orig = runDir.resolve(base + ".orig");
            if (Files.exists(orig)) {
                return; // keep the first original; a second optimize must not overwrite it with a recompressed copy
            }
            Files.write(runDir.resolve(base + ".orig.tmp"), original);
            Files.move(runDir.resolve(base + ".orig.tmp"), orig, StandardCopyOption.ATOMIC_MOVE);
            Properties p = new Properties();
            p.setProperty("id", a.ref().id());
            p.setProperty("url", a.ref().url());
            p.setProperty("name", a.fileName());
            p.setProperty("mime", a.mimeType());
            try (var out = Files.newOutputStream(runDir.resolve(base + ".properties"))) {
                p.store(out, "Lumasync optimize backup");
            }
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Could not back up " + a.fileName() + " to " + runDir
                    + " (" + e.getMessage() + "); it was not changed. Free some disk space and try again.", e);
        }
    }

    private byte[] download(Destination d, RemoteAsset a) throws LumasyncException {
        // The destination bounds the download in time; the heap copy needs its own, smaller cap.
        try (InputStream in = d.download(a.ref())) {
            byte[] bytes = in.readNBytes(MAX_DOWNLOAD_BYTES + 1);
            if (bytes.length > MAX_DOWNLOAD_BYTES) {
                throw LumasyncException.giveUp(a.fileName() + " is larger than " + (MAX_DOWNLOAD_BYTES >> 20)
                        + " MB, more than any photo Optimize recompresses; it was left as it is.");
            }
            return bytes;
        } catch (IOException e) {
            throw LumasyncException.retry("Could not download " + a.fileName() + ": " + e.getMessage(), null);
        }
    }

    private EncodedImage encode(Capabilities caps, RemoteAsset a, byte[] bytes, EncodeSettings settings)
            throws LumasyncException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lumasync-optimize", ".img");
            Files.write(tmp, bytes);
            // Keep the original format: the file keeps its name and address only if the type stays the same.
            ImageFormat keep = ImageFormat.fromMimeType(a.mimeType()).or(() -> ImageFormat.fromExtension(a.fileName()))
                    .orElse(ImageFormat.JPEG);
            return pipeline.encode(tmp, a.fileName(), settings, caps.formats().contains(keep)
                    ? java.util.Set.of(keep) : caps.formats());
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "No room for a temporary file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
