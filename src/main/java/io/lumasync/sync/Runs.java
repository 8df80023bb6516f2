package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.DescribedSource;
import io.lumasync.source.Listing;
import io.lumasync.source.LocalFiles;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.source.SourceTypes;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Job;
import io.lumasync.store.JobJournal;
import io.lumasync.store.JobState;
import io.lumasync.store.SourceRecord;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;
import io.lumasync.store.SyncMapEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/** Plans and runs pushes and source syncs, one at a time per process, resuming interrupted work first. */
final class Runs {
    private final ConfigStore config;
    private final SyncMap syncMap;
    private final JobJournal journal;
    private final Adapters adapters;
    private final SyncRunner runner;
    private final SyncPlanner planner;
    private final Governance governance;
    private final Notifications notifications;
    private final ReentrantLock lock = new ReentrantLock();
    private AltTexting altTexting;

    Runs(ConfigStore config, SyncMap syncMap, JobJournal journal, Adapters adapters, SyncRunner runner,
         Governance governance, Notifications notifications) {
        this.config = config;
        this.syncMap = syncMap;
        this.journal = journal;
        this.adapters = adapters;
        this.runner = runner;
        this.planner = new SyncPlanner(syncMap);
        this.governance = governance;
        this.notifications = notifications;
        runner.policy(governance);
    }

    void cancel() {
        runner.cancel();
    }

    /** Gives planned items their alt text by each destination's mode; without it items get the run's text. */
    void useAltText(AltTexting altTexting) {
        this.altTexting = altTexting;
    }

    /** The run's alt-text maker for one source's items (the run's own text only, when alt text is not set up). */
    private ItemMetadata altText(String source, Optional<io.lumasync.sync.alt.AltMode> mode, boolean dryRun,
                                 List<AltTextEnricher> made) {
        if (altTexting == null) {
            return ItemMetadata.GIVEN;
        }
        AltTextEnricher e = altTexting.enricher(source, mode, dryRun);
        made.add(e);
        return e;
    }

    /** enrichment.completed once a run's planning described images with the AI model. */
    private void announceTexts(String kind, List<AltTextEnricher> made) {
        int described = made.stream().mapToInt(AltTextEnricher::described).sum();
        if (described > 0) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("run", kind);
            data.put("kind", "alt_text");
            data.put("described", described);
            data.put("problems", made.stream().mapToInt(e -> e.problems().size()).sum());
            notifications.publish(Notifications.ENRICHMENT_COMPLETED, data);
        }
    }

    private static void reportAltText(List<AltTextEnricher> made, List<String> problems) {
        for (AltTextEnricher e : made) {
            problems.addAll(e.problems());
        }
    }

    /** One run for all the files, each with its own alt text and captions. */
    RunReport push(Map<Path, AssetMetadata> files, List<String> destinations, EncodeSettings settings,
                   boolean dryRun, SyncListener listener) throws LumasyncException {
        return push(files, destinations, settings, Optional.empty(), dryRun, listener);
    }

    /** As above, with every destination's alt-text mode replaced by {@code altMode} for this run when given. */
    RunReport push(Map<Path, AssetMetadata> files, List<String> destinations, EncodeSettings settings,
                   Optional<io.lumasync.sync.alt.AltMode> altMode, boolean dryRun, SyncListener listener)
            throws LumasyncException {
        return push(SyncService.UPLOAD_SOURCE, files, destinations, settings, altMode, dryRun, listener,
                new ArrayList<>());
    }

    /** Publishes local files as the items of a source of Lumasync's own (generated images), by file name. */
    RunReport publishAs(String source, Map<Path, AssetMetadata> files, List<String> destinations,
                        EncodeSettings settings, SyncListener listener) throws LumasyncException {
        return push(source, files, destinations, settings, Optional.empty(), false, listener, new ArrayList<>());
    }

    /**
     * What AI alt text for these files would cost, planned as a dry run: how many images a model would describe
     * (those not described before) and the price from the service's model list. Empty when no model call is due.
     */
    Optional<String> estimateAltText(Map<Path, AssetMetadata> files, List<String> destinations,
                                     EncodeSettings settings, Optional<io.lumasync.sync.alt.AltMode> altMode)
            throws LumasyncException {
        List<AltTextEnricher> enrichers = new ArrayList<>();
        push(SyncService.UPLOAD_SOURCE, files, destinations, settings, altMode, true, SyncListener.NONE, enrichers);
        return enrichers.stream().map(AltTextEnricher::estimate).flatMap(Optional::stream).findFirst();
    }

    private RunReport push(String source, Map<Path, AssetMetadata> files, List<String> destinations,
                           EncodeSettings settings,
                           Optional<io.lumasync.sync.alt.AltMode> altMode, boolean dryRun, SyncListener listener,
                           List<AltTextEnricher> enrichers) throws LumasyncException {
        List<String> problems = new ArrayList<>();
        ItemMetadata alt = altText(source, altMode, dryRun, enrichers);
        // Files that share their metadata share a plan input, so a plain push plans exactly as one input.
        Map<AssetMetadata, List<Candidate>> byMetadata = new LinkedHashMap<>();
        for (var e : files.entrySet()) {
            collect(e.getKey().toAbsolutePath().normalize(),
                    byMetadata.computeIfAbsent(e.getValue(), m -> new ArrayList<>()), problems);
        }
        if (!source.equals(SyncService.UPLOAD_SOURCE)) {
            // Lumasync's own files can be rewritten within the mtime precision at the same size (a regenerated
            // image): their content hash decides what changed.
            byMetadata.replaceAll((m, candidates) -> withContentHashes(candidates, problems));
        }
        List<PlanInput> inputs = new ArrayList<>();
        byMetadata.forEach((metadata, candidates) -> inputs.add(new PlanInput(source, candidates,
                false, List.of(), destinations, settings, metadata, false, 0, false, alt)));
        return run("push", inputs, dryRun, false, listener, problems, Map.of(), List.of(), enrichers);
    }

    private static List<Candidate> withContentHashes(List<Candidate> candidates, List<String> problems) {
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            Fingerprint fp = c.item().fingerprint();
            try {
                String hash = Hashing.sha256(c.localPath().orElseThrow());
                out.add(new Candidate(new SourceItem(c.item().id(), c.item().name(), c.item().folder(),
                        new Fingerprint(fp.size(), fp.modifiedMs(), hash)), c.localPath()));
            } catch (IOException e) {
                problems.add(c.item().name() + ": cannot be read (" + e.getMessage() + ").");
            }
        }
        return out;
    }

    /** Files are pushed under their name; a folder's files under "folder/relative/path". */
    private static void collect(Path p, List<Candidate> out, List<String> problems) throws LumasyncException {
        if (Files.isDirectory(p)) {
            String prefix = p.getFileName() == null ? "" : p.getFileName().toString() + "/";
            Listing listing = SourceTypes.localFolder(p).list(Optional.empty());
            problems.addAll(listing.problems().stream().map(x -> p.getFileName() + "/" + x).toList());
            for (SourceItem i : listing.items()) {
                String folder = i.folder().isEmpty() ? prefix.replaceAll("/$", "") : prefix + i.folder();
                out.add(new Candidate(new SourceItem(prefix + i.id(), i.name(), folder, i.fingerprint()),
                        Optional.of(p.resolve(i.id()))));
            }
            return;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            String name = p.getFileName().toString();
            out.add(new Candidate(new SourceItem(name, name, "", new Fingerprint(a.size(),
                    a.lastModifiedTime().toMillis(), "")), Optional.of(p)));
        } catch (java.nio.file.NoSuchFileException e) {
            problems.add(p + ": no such file or folder.");
        } catch (IOException e) {
            problems.add(p + ": cannot be read (" + e.getMessage() + ").");
        }
    }

    RunReport syncSources(List<String> names, boolean dryRun, boolean force, SyncListener listener)
            throws LumasyncException {
        return syncSources(names, dryRun, force, listener, false);
    }

    /** @param automatic started by the autosync scheduler, not by hand (groups may keep autosync out) */
    RunReport syncSources(List<String> names, boolean dryRun, boolean force, SyncListener listener, boolean automatic)
            throws LumasyncException {
        List<SourceRecord> sources;
        sources = config.sources();
        for (String n : names) {
            if (sources.stream().noneMatch(s -> s.name().equals(n))) {
                throw SyncService.usage("There is no source called '" + n + "'. See `lumasync sources list`.");
            }
        }
        List<PlanInput> inputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<AltTextEnricher> enrichers = new ArrayList<>();
        List<Attention> sourceAttention = new ArrayList<>();
        Map<String, Optional<String>> cursors = new HashMap<>();
        for (SourceRecord s : sources) {
            if (!names.isEmpty() && !names.contains(s.name())) {
                continue;
            }
            try {
                Source source = adapters.source(s.name());
                Listing listing = source.list(s.cursor());
                problems.addAll(listing.problems().stream().map(x -> s.name() + ": " + x).toList());
                inputs.add(new PlanInput(s.name(), candidates(source, listing.items()), listing.complete(),
                        listing.removed(), s.destinations(), s.encode(), AssetMetadata.EMPTY, s.propagateDeletes(),
                        s.deleteShare(), force, altText(s.name(), Optional.empty(), dryRun, enrichers)));
                cursors.put(s.name(), listing.cursor());
            } catch (LumasyncException e) {
                problems.add(s.name() + ": " + e.getMessage());
                if (Attention.needed(e.kind())) {
                    sourceAttention.add(new Attention(Attention.Target.SOURCE, s.name(), e.kind(), e.getMessage()));
                }
                if (!dryRun) {
                    try {
                        config.sourceRan(s.name(), Optional.empty(), Optional.of(e.getMessage()));
                    } catch (StoreException ignored) {
                        // reported in the run's problems anyway
                    }
                }
            }
        }
        return run("sync", inputs, dryRun, automatic, listener, problems, cursors, sourceAttention, enrichers);
    }

    RunReport syncItems(String sourceName, List<String> itemIds, List<String> destinations, EncodeSettings settings,
                        SyncListener listener) throws LumasyncException {
        Source source = adapters.source(sourceName);
        Set<String> wanted = Set.copyOf(itemIds);
        List<SourceItem> items = source.list(Optional.empty()).items().stream()
                .filter(i -> wanted.contains(i.id())).toList();
        List<AltTextEnricher> enrichers = new ArrayList<>();
        PlanInput in = new PlanInput(sourceName, candidates(source, items), false, List.of(), destinations, settings,
                AssetMetadata.EMPTY, false, 0, false, altText(sourceName, Optional.empty(), false, enrichers));
        return run("sync", List.of(in), false, false, listener, new ArrayList<>(), Map.of(), List.of(), enrichers);
    }

    List<BrowseItem> browse(String sourceName) throws LumasyncException {
        SourceRecord rec = config.source(sourceName).orElseThrow(() ->
                SyncService.usage("There is no source called '" + sourceName + "'."));
        Source source = adapters.source(sourceName);
        List<SourceItem> items = source.list(Optional.empty()).items();
        // Badges for the source's own destinations, and for every destination the sync map says an asset went
        // to (Browse and push can publish beyond the configured ones).
        Map<String, Map<String, SyncMapEntry>> rows = syncMap.forSource(sourceName);
        Set<String> failed = journal.lastFailed(sourceName);
        Set<String> destinations = new java.util.TreeSet<>(rec.destinations());
        destinations.addAll(rows.keySet());
        failed.forEach(k -> destinations.add(k.substring(k.indexOf('\u0000') + 1)));
        List<BrowseItem> out = new ArrayList<>(items.size());
        for (SourceItem i : items) {
            Map<String, AssetStatus> status = new LinkedHashMap<>();
            Map<String, String> urls = new LinkedHashMap<>();
            for (String d : destinations) {
                SyncMapEntry row = rows.getOrDefault(d, Map.of()).get(i.id());
                boolean configured = rec.destinations().contains(d);
                boolean lastFailed = failed.contains(i.id() + "\u0000" + d);
                if (row == null && !configured && !lastFailed) {
                    continue;
                }
                // Elsewhere the settings were chosen per run, so only the content decides "changed".
                boolean current = row != null && row.fingerprint().sameContentAs(i.fingerprint())
                        && (!configured || row.settingsHash().equals(rec.encode().hash()));
                status.put(d, lastFailed ? AssetStatus.FAILED : row == null ? AssetStatus.NEW
                        : current ? AssetStatus.SYNCED : AssetStatus.CHANGED);
                if (row != null && row.remote().url() != null) {
                    urls.put(d, row.remote().url());
                }
            }
            Optional<Path> local = source instanceof LocalFiles lf ? Optional.of(lf.path(i)) : Optional.empty();
            out.add(new BrowseItem(sourceName, i, status, urls, local));
        }
        return out;
    }

    RunReport resume(SyncListener listener) throws LumasyncException {
        lock.lock();
        try {
            return resumeLocked(listener);
        } finally {
            lock.unlock();
        }
    }

    private RunReport resumeLocked(SyncListener listener) throws LumasyncException {
        runner.clearCancel();
        List<Job> open = journal.interrupted();
        if (open.isEmpty()) {
            return new RunReport(false, Map.of(), List.of(), List.of());
        }
        List<Attention> attention = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<ItemProgress> results = runner.execute(open, true, listener, attention::add);
        for (long runId : open.stream().map(Job::runId).distinct().toList()) {
            journal.finishRun(runId);
        }
        return new RunReport(false, Map.of(), results, List.of(), attention);
    }

    /**
     * Runs jobs planned earlier (approved ones) as they are, after interrupted work. Returns the report and tells
     * {@code each} every job's result.
     */
    RunReport runPlanned(String kind, List<Job> jobs, SyncListener listener) throws LumasyncException {
        lock.lock();
        try {
            List<ItemProgress> results = new ArrayList<>();
            List<Attention> attention = new java.util.concurrent.CopyOnWriteArrayList<>();
            RunReport resumed = resumeLocked(listener);
            results.addAll(resumed.results());
            attention.addAll(resumed.attention());
            JobJournal.Started started = journal.startRun(kind, jobs);
            for (JobJournal.Passed p : started.passed()) {
                Job j = p.job();
                ItemProgress passed = new ItemProgress(j.source(), j.assetId(), j.assetName(), j.destination(),
                        j.action(), JobState.SKIPPED, j.fingerprint().size(), 0, p.reason(), "");
                listener.onItem(passed);
                results.add(passed);
            }
            List<ItemProgress> done = runner.execute(started.jobs(), false, announcing(listener), attention::add);
            results.addAll(done);
            journal.finishRun(started.runId());
            return new RunReport(false, Map.of(), results, List.of(), attention);
        } finally {
            lock.unlock();
        }
    }

    /** {@code listener}, and asset.synced / asset.failed as each job finishes (not at the end of the run). */
    private SyncListener announcing(SyncListener listener) {
        return new SyncListener() {
            @Override
            public void onItem(ItemProgress p) {
                listener.onItem(p);
                if (p.state() == JobState.DONE) {
                    notifications.publish(Notifications.ASSET_SYNCED, Events.item(p));
                } else if (p.state() == JobState.FAILED) {
                    notifications.publish(Notifications.ASSET_FAILED, Events.item(p));
                }
            }

            @Override
            public void onBatch(BatchProgress p) {
                listener.onBatch(p);
            }
        };
    }

    private RunReport run(String kind, List<PlanInput> inputs, boolean dryRun, boolean automatic,
                          SyncListener listener, List<String> problems, Map<String, Optional<String>> cursors,
                          List<Attention> sourceAttention, List<AltTextEnricher> enrichers)
            throws LumasyncException {
        lock.lock();
        try {
            List<ItemProgress> results = new ArrayList<>();
            List<Attention> attention = new java.util.concurrent.CopyOnWriteArrayList<>(sourceAttention);
            if (!dryRun) {
                RunReport resumed = resumeLocked(listener);
                results.addAll(resumed.results());
                attention.addAll(resumed.attention());
            }
            Map<String, PlanCounts> counts = new LinkedHashMap<>();
            List<Job> jobs = new ArrayList<>();
            List<ItemProgress> skipped = new ArrayList<>();
            for (PlanInput given : inputs) {
                for (PlanInput in : governance.prepare(given, automatic, problems)) {
                    SyncPlanner.Plan plan = planner.plan(in, dryRun);
                    jobs.addAll(plan.jobs());
                    skipped.addAll(plan.skipped());
                    problems.addAll(plan.problems());
                    plan.counts().forEach((d, c) -> counts.merge(d, c, PlanCounts::plus));
                }
            }
            Governance.Screened screened = governance.screen(jobs, dryRun);
            jobs = new ArrayList<>(screened.go());
            skipped.addAll(screened.held());
            reportAltText(enrichers, problems);
            if (!dryRun) {
                announceTexts(kind, enrichers);
            }
            if (dryRun) {
                counts.replaceAll((d, c) -> c.replace() > 0 ? c.withReplaceNote(replaceWording(d)) : c);
                return new RunReport(true, counts, skipped, problems);
            }
            JobJournal.Started started = journal.startRun(kind, jobs);
            List<Job> journaled = started.jobs();
            for (JobJournal.Passed p : started.passed()) {
                Job j = p.job();
                skipped.add(new ItemProgress(j.source(), j.assetId(), j.assetName(), j.destination(), j.action(),
                        JobState.SKIPPED, j.fingerprint().size(), 0, p.reason(), ""));
            }
            skipped.forEach(listener::onItem);
            results.addAll(skipped);
            List<ItemProgress> done = runner.execute(journaled, false, announcing(listener), attention::add);
            results.addAll(done);
            journal.finishRun(started.runId());
            for (var e : cursors.entrySet()) {
                boolean anyFailed = done.stream().anyMatch(r -> r.source().equals(e.getKey())
                        && r.state() == JobState.FAILED);
                // A cursor only moves on when everything it covered arrived; else the next run lists it again.
                config.sourceRan(e.getKey(), anyFailed ? Optional.empty() : e.getValue(),
                        anyFailed ? Optional.of("some images failed; see Activity") : Optional.empty());
            }
            RunReport report = new RunReport(false, counts, results, problems, attention);
            notifications.publish(Notifications.SYNC_COMPLETED, Events.runSummary(report,
                    inputs.stream().map(PlanInput::source).distinct().toList()));
            return report;
        } finally {
            lock.unlock();
        }
    }

    /** What a replace means at this destination, for a dry run's plan; empty when it cannot be asked now. */
    private String replaceWording(String destination) {
        try {
            return adapters.destination(destination).capabilities().replace().planWording();
        } catch (LumasyncException e) {
            return ""; // an unreachable destination: the plan is still worth showing
        }
    }

    /** The items with their local files, and their own text where the source describes them. */
    private static List<Candidate> candidates(Source source, List<SourceItem> items) {
        List<Candidate> out = new ArrayList<>(items.size());
        for (SourceItem i : items) {
            AssetMetadata described = source instanceof DescribedSource d ? d.metadata(i).orElse(AssetMetadata.EMPTY)
                    : AssetMetadata.EMPTY;
            out.add(new Candidate(i, source instanceof LocalFiles lf ? Optional.of(lf.path(i)) : Optional.empty(),
                    described));
        }
        return out;
    }
}
