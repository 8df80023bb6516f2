package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.RemoteRef;
import io.lumasync.source.SourceItem;
import io.lumasync.store.Job;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a source's items with the sync map and decides, per destination, what to create, replace, update,
 * skip or delete. Reads content only where attributes cannot decide: a file whose size or mtime changed is
 * hashed (a touched but unchanged file is skipped), and new files are hashed only when some mapped file has
 * vanished (to recognise a rename or move instead of uploading again). The sync map is read in a light form
 * for every asset and in full only for the rows that change, so planning 100,000 unchanged files stays cheap.
 */
public final class SyncPlanner {
    private final SyncMap syncMap;

    public SyncPlanner(SyncMap syncMap) {
        this.syncMap = syncMap;
    }

    /** A plan: jobs to run, skipped items (for the report), counts and problems. */
    public record Plan(List<Job> jobs, List<ItemProgress> skipped, Map<String, PlanCounts> counts, List<String> problems) {
    }

    public Plan plan(PlanInput in, boolean dryRun) throws StoreException {
        List<Job> jobs = new ArrayList<>();
        List<ItemProgress> skipped = new ArrayList<>();
        Map<String, PlanCounts> counts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String settingsHash = in.encode().hash();
        Set<String> present = new HashSet<>(in.items().size() * 2);
        boolean providerHashes = false;
        for (Candidate c : in.items()) {
            present.add(c.item().id());
            providerHashes |= !c.item().fingerprint().contentHash().isEmpty();
        }
        Map<String, String> hashCache = new HashMap<>();

        for (String dest : in.destinations()) {
            Map<String, SyncMap.PlanRow> rows = syncMap.planRows(in.source(), dest, providerHashes);
            // Rows whose item is gone: deletions, or the old names of renamed/moved files.
            List<SyncMapEntry> vanished = new ArrayList<>();
            for (SyncMap.PlanRow r : rows.values()) {
                if (!present.contains(r.assetId())) {
                    syncMap.get(in.source(), r.assetId(), dest).ifPresent(vanished::add);
                }
            }
            Map<String, SyncMapEntry> vanishedByHash = new HashMap<>();
            for (SyncMapEntry e : vanished) {
                if (!e.fingerprint().contentHash().isEmpty()) {
                    vanishedByHash.put(e.fingerprint().contentHash(), e);
                }
            }
            int create = 0;
            int replace = 0;
            int meta = 0;
            int skip = 0;
            int delete = 0;
            for (Candidate c : in.items()) {
                SourceItem item = c.item();
                AssetMetadata metadata = in.itemMetadata().forItem(dest, c, c.withSourceText(in.metadata()));
                SyncMap.PlanRow row = rows.get(item.id());
                Fingerprint fp = item.fingerprint();
                if (row == null) {
                    Optional<SyncMapEntry> moved = Optional.empty();
                    if (!vanishedByHash.isEmpty()) {
                        String hash = contentHash(c, hashCache);
                        if (!hash.isEmpty()) {
                            fp = new Fingerprint(fp.size(), fp.modifiedMs(), hash);
                            moved = Optional.ofNullable(vanishedByHash.remove(hash));
                        }
                    }
                    if (moved.isPresent() && moved.get().settingsHash().equals(settingsHash)) {
                        vanished.remove(moved.get());
                        if (!dryRun) {
                            syncMap.rename(in.source(), moved.get().assetId(), item.id(), item.name(), fp);
                        }
                        skip++;
                        skipped.add(skippedItem(in, item, dest, "renamed or moved; already published as "
                                + moved.get().remote().url()));
                        continue;
                    }
                    create++;
                    jobs.add(job(in, c, dest, JobAction.CREATE, fp, Optional.empty(), metadata));
                    continue;
                }
                boolean sameContent = row.fingerprint().sameContentAs(fp);
                // The full row is read at most once, and only for an item that may have changed.
                Optional<SyncMapEntry> full = Optional.empty();
                if (!sameContent && fp.size() == row.size() && c.localPath().isPresent()) {
                    full = syncMap.get(in.source(), item.id(), dest);
                    String stored = full.map(e -> e.fingerprint().contentHash()).orElse("");
                    if (stored.startsWith("sha256:")) {
                        String hash = contentHash(c, hashCache);
                        if (hash.equals(stored)) {
                            sameContent = true; // touched, not changed
                            if (!dryRun) {
                                syncMap.touch(in.source(), item.id(), dest, fp.modifiedMs());
                            }
                        }
                        fp = new Fingerprint(fp.size(), fp.modifiedMs(), hash);
                    }
                }
                if (sameContent && row.settingsHash().equals(settingsHash)) {
                    boolean noMetadata = metadata.canonical().equals(AssetMetadata.EMPTY.canonical());
                    if (noMetadata || row.metadataHash().equals(Hashing.metadataHash(metadata))) {
                        skip++;
                        skipped.add(skippedItem(in, item, dest, "unchanged"));
                    } else {
                        meta++;
                        jobs.add(job(in, c, dest, JobAction.METADATA, fp, remoteOf(full, in.source(), item.id(), dest),
                                metadata));
                    }
                    continue;
                }
                replace++;
                jobs.add(job(in, c, dest, JobAction.REPLACE, fp, remoteOf(full, in.source(), item.id(), dest), metadata));
            }
            if (in.propagateDeletes() && (in.complete() || !in.removed().isEmpty())) {
                List<SyncMapEntry> gone = new ArrayList<>();
                if (in.complete()) {
                    gone.addAll(vanished);
                } else {
                    for (String id : in.removed()) {
                        if (rows.containsKey(id)) {
                            syncMap.get(in.source(), id, dest).ifPresent(gone::add);
                        }
                    }
                }
                int limit = (int) Math.floor(rows.size() * in.deleteShare());
                if (!gone.isEmpty() && gone.size() > limit && !in.force()) {
                    problems.add("Not deleting " + gone.size() + " of " + rows.size() + " images at '" + dest
                            + "': that is more than " + Math.round(in.deleteShare() * 100)
                            + " % in one run. If the source really lost them, run again with --force.");
                } else {
                    for (SyncMapEntry e : gone) {
                        delete++;
                        jobs.add(new Job(0, 0, in.source(), e.assetId(), e.assetName(), "", Optional.empty(), dest,
                                JobAction.DELETE, JobState.PLANNED, Hashing.syncId(in.source(), e.assetId(), dest),
                                e.fingerprint(), in.encode(), in.metadata(), Optional.of(e.remote()), 0, ""));
                    }
                }
            }
            counts.put(dest, new PlanCounts(create, replace, meta, skip, delete));
        }
        return new Plan(jobs, skipped, counts, problems);
    }

    private Optional<RemoteRef> remoteOf(Optional<SyncMapEntry> known, String source, String assetId, String dest)
            throws StoreException {
        return (known.isPresent() ? known : syncMap.get(source, assetId, dest)).map(SyncMapEntry::remote);
    }

    private static Job job(PlanInput in, Candidate c, String dest, JobAction action, Fingerprint fp,
                           Optional<RemoteRef> existing, AssetMetadata metadata) {
        SourceItem item = c.item();
        return new Job(0, 0, in.source(), item.id(), item.name(), item.folder(),
                c.localPath().map(Path::toString), dest, action, JobState.PLANNED,
                Hashing.syncId(in.source(), item.id(), dest), fp, in.encode(), metadata, existing, 0, "");
    }

    private static ItemProgress skippedItem(PlanInput in, SourceItem item, String dest, String why) {
        return new ItemProgress(in.source(), item.id(), item.name(), dest, JobAction.CREATE, JobState.SKIPPED,
                item.fingerprint().size(), 0, why, "");
    }

    /** The content hash of a candidate: the provider's when it gave one, else SHA-256 of the local file. */
    private static String contentHash(Candidate c, Map<String, String> cache) {
        String known = c.item().fingerprint().contentHash();
        if (!known.isEmpty()) {
            return known;
        }
        if (c.localPath().isEmpty()) {
            return "";
        }
        return cache.computeIfAbsent(c.item().id(), id -> {
            try {
                return Hashing.sha256(c.localPath().get());
            } catch (IOException e) {
                return ""; // unreadable now: the runner reports it when it tries to read the file
            }
        });
    }
}
