package io.lumasync.sync;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.image.ImageSize;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.GroupRecord;
import io.lumasync.store.GroupRules;
import io.lumasync.store.Groups;
import io.lumasync.store.Job;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import io.lumasync.store.StoreException;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Destination groups and their rules. A group's name stands for its destinations wherever destinations are named
 * (push, a source's destinations); after planning, every job is screened against the rules of the groups its
 * destination belongs to: it goes ahead, is refused with the reason in plain words, or waits for approval. The size
 * of the file sent and its format can only be known after compression, so those rules are checked again then.
 */
public final class Governance implements SyncRunner.Policy {
    /** How the results of refused and waiting items begin (Activity, the plan, the CLI). */
    public static final String REFUSED = "not allowed by the group ";
    public static final String WAITING = "waiting for approval (group ";
    /** How the results of new images held for their alt text begin. */
    public static final String ALT_WAITING = "waiting for its alt text to be approved: ";
    private static final java.time.Duration FRESH = java.time.Duration.ofSeconds(2);

    private final Groups groups;
    private final ConfigStore config;
    private final Clock clock;
    /** The groups as last read: every job of a run asks for them several times while it runs. */
    private volatile List<GroupRecord> cached;
    private volatile long cachedAt;
    private AltReview altReview;

    Governance(Groups groups, ConfigStore config, Clock clock) {
        this.groups = groups;
        this.config = config;
        this.clock = clock;
    }

    /** Holds new images for their alt text at destinations that review it before the first publish. */
    void useAltReview(AltReview review) {
        this.altReview = review;
    }

    /** Whether a result is an item held in the approval queue (by a group, or for its alt text). */
    public static boolean waiting(ItemProgress p) {
        return p.state() == JobState.SKIPPED && p.message() != null
                && (p.message().startsWith(WAITING) || p.message().startsWith(ALT_WAITING));
    }

    /** Whether a result is an item a group's rule refused. */
    public static boolean refused(ItemProgress p) {
        return p.message() != null && p.message().contains(REFUSED);
    }

    // ---- groups

    public List<GroupRecord> groups() throws LumasyncException {
        return groups.list();
    }

    /** Creates or changes a group. Its destinations must exist; its name must not be a destination's. */
    public void setGroup(String name, List<String> destinations, GroupRules rules) throws LumasyncException {
        AdapterConfiguration.checkName(name);
        if (config.destination(name).isPresent()) {
            throw new ConfigurationException("'" + name + "' is already a destination's name; give the group another.");
        }
        if (destinations.isEmpty()) {
            throw new ConfigurationException("The group '" + name + "' needs at least one destination.");
        }
        for (String d : destinations) {
            if (config.destination(d).isEmpty()) {
                throw new ConfigurationException("There is no destination called '" + d + "'. See `lumasync "
                        + "destinations list`.");
            }
        }
        for (String f : rules.formats()) {
            formatOf(f);
        }
        if (rules.maxFileBytes() < 0 || rules.minWidth() < 0 || rules.minHeight() < 0) {
            throw new ConfigurationException("Sizes in the group '" + name + "' cannot be negative.");
        }
        java.time.Instant created = all().stream().filter(g -> g.name().equals(name)).findFirst()
                .map(GroupRecord::createdAt).orElse(clock.instant());
        groups.put(new GroupRecord(name, List.copyOf(new LinkedHashSet<>(destinations)), rules, created));
        changed();
    }

    public void removeGroup(String name) throws LumasyncException {
        if (!groups.remove(name)) {
            throw new ConfigurationException("There is no group called '" + name + "'. See `lumasync groups list`.");
        }
        changed();
    }

    /** Takes a removed destination out of every group (a group left with none is removed too). */
    void forgetDestination(String destination) throws StoreException {
        for (GroupRecord g : groups.list()) {
            if (g.destinations().contains(destination)) {
                List<String> rest = g.destinations().stream().filter(d -> !d.equals(destination)).toList();
                if (rest.isEmpty()) {
                    groups.remove(g.name());
                } else {
                    groups.put(new GroupRecord(g.name(), rest, g.rules(), g.createdAt()));
                }
            }
        }
        changed();
    }

    /** Group names replaced by their destinations (in order, each destination once); other names as they are. */
    List<String> expand(List<String> names) throws StoreException {
        Map<String, GroupRecord> byName = byName();
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            GroupRecord g = byName.get(n);
            if (g == null) {
                out.add(n);
            } else {
                out.addAll(g.destinations());
            }
        }
        return List.copyOf(out);
    }

    /**
     * One plan input per set of destinations that share their groups' effects on the plan: destinations of groups
     * whose autosync is off are left out of {@code automatic} runs, and "always compress" turns an original into
     * "auto" (a different setting, so it is planned apart).
     */
    List<PlanInput> prepare(PlanInput in, boolean automatic, List<String> problems) throws StoreException {
        List<GroupRecord> all = all();
        Map<EncodeSettings, List<String>> byEncode = new LinkedHashMap<>();
        for (String d : expand(in.destinations())) {
            List<GroupRecord> of = groupsOf(all, d);
            Optional<GroupRecord> off = of.stream().filter(g -> !g.rules().autosync()).findFirst();
            if (automatic && off.isPresent()) {
                problems.add("'" + d + "' was left out of autosync: the group " + off.get().name()
                        + " publishes there only when you sync by hand.");
                continue;
            }
            boolean compress = of.stream().anyMatch(g -> g.rules().alwaysCompress());
            EncodeSettings e = compress && in.encode().format() == OutputFormat.ORIGINAL
                    ? in.encode().withFormat(OutputFormat.AUTO) : in.encode();
            byEncode.computeIfAbsent(e, k -> new ArrayList<>()).add(d);
        }
        List<PlanInput> out = new ArrayList<>();
        byEncode.forEach((encode, dests) -> out.add(new PlanInput(in.source(), in.items(), in.complete(), in.removed(),
                dests, encode, in.metadata(), in.propagateDeletes(), in.deleteShare(), in.force(), in.itemMetadata())));
        return out;
    }

    /** What screening made of a plan's jobs. */
    record Screened(List<Job> go, List<ItemProgress> held) {
    }

    /**
     * Screens planned jobs. Refused ones become results with the reason; ones needing approval are queued (not on a
     * dry run) and reported as waiting; the rest go ahead, with the group's default folder where they had none.
     */
    Screened screen(List<Job> jobs, boolean dryRun) throws StoreException {
        List<GroupRecord> all = all();
        List<Job> go = new ArrayList<>();
        List<ItemProgress> held = new ArrayList<>();
        for (Job j : jobs) {
            List<GroupRecord> of = groupsOf(all, j.destination());
            if (of.isEmpty()) {
                goOrHold(j, dryRun, go, held);
                continue;
            }
            Optional<String> refusal = j.action() == JobAction.DELETE ? Optional.empty() : refusal(of, j);
            if (refusal.isPresent()) {
                held.add(result(j, refusal.get()));
                continue;
            }
            Job placed = withFolder(of, j);
            Optional<GroupRecord> approver = of.stream().filter(g -> g.rules().approval()).findFirst();
            if (approver.isEmpty()) {
                goOrHold(placed, dryRun, go, held);
                continue;
            }
            var rejected = groups.rejected(j);
            if (rejected.isPresent()) {
                held.add(result(j, REFUSED + approver.get().name() + ": this version was rejected"
                        + (rejected.get().note().isBlank() ? "" : " (" + rejected.get().note() + ")")));
                continue;
            }
            if (!dryRun) {
                groups.queue(approver.get().name(), placed, clock.instant());
            }
            held.add(result(j, WAITING + approver.get().name() + "): " + planned(j)));
        }
        return new Screened(go, held);
    }

    /** A job goes ahead, unless it is a new image whose alt text must be approved first. */
    private void goOrHold(Job j, boolean dryRun, List<Job> go, List<ItemProgress> held) throws StoreException {
        if (altReview == null || !altReview.holds(j)) {
            go.add(j);
            return;
        }
        var rejected = groups.rejected(j);
        if (rejected.isPresent()) {
            held.add(result(j, "not published: it was " + AltReview.SKIPPED + " (this version)"));
            return;
        }
        if (!dryRun) {
            groups.queue(AltReview.QUEUE, j, clock.instant());
        }
        String draft = j.metadata().altText();
        held.add(result(j, ALT_WAITING + (draft.isEmpty() ? "no text drafted yet" : "\"" + draft + "\"")));
    }

    private static Optional<String> refusal(List<GroupRecord> of, Job j) {
        for (GroupRecord g : of) {
            GroupRules r = g.rules();
            String who = REFUSED + g.name() + ": ";
            if (!r.sources().isEmpty() && !r.sources().contains(j.source())) {
                return Optional.of(who + "it takes images from " + String.join(", ", r.sources()) + " only, not from '"
                        + j.source() + "'");
            }
            Optional<ImageFormat> fixed = j.encode().format().imageFormat();
            if (fixed.isPresent() && !allowed(r, fixed.get())) {
                return Optional.of(who + fixed.get().name() + " is not among its formats (" + formats(r) + ")");
            }
            if (r.maxFileBytes() > 0 && j.encode().format() == OutputFormat.ORIGINAL
                    && j.fingerprint().size() > r.maxFileBytes()) {
                return Optional.of(who + "the original is " + Sizes.human(j.fingerprint().size())
                        + ", more than its limit of " + Sizes.human(r.maxFileBytes()));
            }
            if (r.minWidth() > 0 || r.minHeight() > 0) {
                Optional<String> small = j.localPath().flatMap(p -> tooSmall(g, Path.of(p)));
                if (small.isPresent()) {
                    return small;
                }
            }
        }
        return Optional.empty();
    }

    /** "3,000 × 2,000 is below the group Clients' minimum width 3,840", or empty when the size is fine or unknown. */
    private static Optional<String> tooSmall(GroupRecord g, Path file) {
        Optional<ImageSize.Dimensions> d = ImageSize.read(file);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        GroupRules r = g.rules();
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        String size = n.format(d.get().width()) + " × " + n.format(d.get().height()) + " is below the group "
                + g.name() + (g.name().endsWith("s") ? "'" : "'s") + " minimum ";
        if (r.minWidth() > 0 && d.get().width() < r.minWidth()) {
            return Optional.of(REFUSED + g.name() + ": " + size + "width " + n.format(r.minWidth()));
        }
        if (r.minHeight() > 0 && d.get().height() < r.minHeight()) {
            return Optional.of(REFUSED + g.name() + ": " + size + "height " + n.format(r.minHeight()));
        }
        return Optional.empty();
    }

    private static Job withFolder(List<GroupRecord> of, Job j) {
        if (!j.folder().isEmpty()) {
            return j;
        }
        return of.stream().map(g -> g.rules().folder()).filter(f -> !f.isBlank()).findFirst()
                .map(f -> new Job(j.id(), j.runId(), j.source(), j.assetId(), j.assetName(), f, j.localPath(),
                        j.destination(), j.action(), j.state(), j.syncId(), j.fingerprint(), j.encode(), j.metadata(),
                        j.existing(), j.attempts(), j.reason()))
                .orElse(j);
    }

    /** The planned action in words, for the queue and the plan. */
    public static String planned(Job j) {
        return switch (j.action()) {
            case CREATE -> "publish to " + j.destination();
            case REPLACE -> "update in place at " + j.destination();
            case METADATA -> "update alt text and captions at " + j.destination();
            case DELETE -> "remove from " + j.destination();
        };
    }

    private static ItemProgress result(Job j, String message) {
        return new ItemProgress(j.source(), j.assetId(), j.assetName(), j.destination(), j.action(), JobState.SKIPPED,
                j.fingerprint().size(), 0, message, "");
    }

    // ---- checks while a job runs (SyncRunner.Policy)

    @Override
    public String key(Job job) {
        try {
            return String.join(",", groupsOf(all(), job.destination()).stream().map(GroupRecord::name).toList());
        } catch (StoreException e) {
            return "";
        }
    }

    @Override
    public Set<ImageFormat> formats(Job job, Set<ImageFormat> accepted) {
        Set<ImageFormat> out = EnumSet.noneOf(ImageFormat.class);
        out.addAll(accepted);
        for (GroupRecord g : groupsOfQuietly(job)) {
            if (!g.rules().formats().isEmpty()) {
                out.removeIf(f -> !allowed(g.rules(), f));
            }
        }
        return out.isEmpty() ? accepted : out;
    }

    @Override
    public Optional<String> refuseSource(Job job, Path staged) {
        if (job.localPath().isPresent()) {
            return Optional.empty(); // screened when planned
        }
        for (GroupRecord g : groupsOfQuietly(job)) {
            if (g.rules().minWidth() > 0 || g.rules().minHeight() > 0) {
                Optional<String> small = tooSmall(g, staged);
                if (small.isPresent()) {
                    return small;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> refuseResult(Job job, EncodedImage img) {
        for (GroupRecord g : groupsOfQuietly(job)) {
            GroupRules r = g.rules();
            if (!r.formats().isEmpty() && !allowed(r, img.format())) {
                return Optional.of(REFUSED + g.name() + ": the result is " + img.format().name() + ", not among its "
                        + "formats (" + formats(r) + ")");
            }
            if (r.maxFileBytes() > 0 && img.size() > r.maxFileBytes()) {
                return Optional.of(REFUSED + g.name() + ": the optimized file is " + Sizes.human(img.size())
                        + ", more than its limit of " + Sizes.human(r.maxFileBytes()));
            }
        }
        return Optional.empty();
    }

    // ---- helpers

    /** The saved groups, read again after {@link #FRESH} (another window or command may have changed them). */
    private List<GroupRecord> all() throws StoreException {
        long now = System.nanoTime();
        List<GroupRecord> c = cached;
        if (c == null || now - cachedAt > FRESH.toNanos()) {
            c = groups.list();
            cached = c;
            cachedAt = now;
        }
        return c;
    }

    private void changed() {
        cached = null;
    }

    private List<GroupRecord> groupsOfQuietly(Job job) {
        try {
            return groupsOf(all(), job.destination());
        } catch (StoreException e) {
            return List.of();
        }
    }

    private static List<GroupRecord> groupsOf(List<GroupRecord> all, String destination) {
        return all.stream().filter(g -> g.destinations().contains(destination)).toList();
    }

    private Map<String, GroupRecord> byName() throws StoreException {
        Map<String, GroupRecord> m = new LinkedHashMap<>();
        all().forEach(g -> m.put(g.name(), g));
        return m;
    }

    private static boolean allowed(GroupRules r, ImageFormat f) {
        return r.formats().isEmpty() || r.formats().stream().anyMatch(a -> a.equalsIgnoreCase(f.name())
                || (f == ImageFormat.JPEG && a.equalsIgnoreCase("jpg")));
    }

    private static String formats(GroupRules r) {
        return String.join(", ", r.formats().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
    }

    static ImageFormat formatOf(String name) throws ConfigurationException {
        String n = name.strip().toUpperCase(Locale.ROOT);
        try {
            return ImageFormat.valueOf(n.equals("JPG") ? "JPEG" : n);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("'" + name + "' is not an image format Lumasync knows. Use names such as "
                    + "avif, webp, jpeg, png.");
        }
    }
}
