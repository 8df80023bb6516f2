package io.lumasync.sync;

/**
 * What a run does at one destination.
 *
 * @param replaceNote what a replace means there ("URL kept"), shown beside the count; empty when not known
 */
public record PlanCounts(int create, int replace, int metadata, int skip, int delete, String replaceNote) {
    public static final PlanCounts ZERO = new PlanCounts(0, 0, 0, 0, 0);

    public PlanCounts {
        replaceNote = replaceNote == null ? "" : replaceNote;
    }

    public PlanCounts(int create, int replace, int metadata, int skip, int delete) {
        this(create, replace, metadata, skip, delete, "");
    }

    public PlanCounts plus(PlanCounts o) {
        return new PlanCounts(create + o.create, replace + o.replace, metadata + o.metadata, skip + o.skip,
                delete + o.delete, replaceNote.isEmpty() ? o.replaceNote : replaceNote);
    }

    public PlanCounts withReplaceNote(String note) {
        return new PlanCounts(create, replace, metadata, skip, delete, note);
    }

    @Override
    public String toString() {
        return "create " + create + ", replace " + replace + (replace > 0 && !replaceNote.isEmpty()
                ? " (" + replaceNote + ")" : "") + (metadata > 0 ? ", update metadata " + metadata : "")
                + ", skip " + skip + ", delete " + delete;
    }
}
