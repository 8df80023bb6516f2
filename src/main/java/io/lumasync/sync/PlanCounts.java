package io.lumasync.sync;

/** What a run does at one destination. */
public record PlanCounts(int create, int replace, int metadata, int skip, int delete) {
    public static final PlanCounts ZERO = new PlanCounts(0, 0, 0, 0, 0);

    public PlanCounts plus(PlanCounts o) {
        return new PlanCounts(create + o.create, replace + o.replace, metadata + o.metadata, skip + o.skip,
                delete + o.delete);
    }

    @Override
    public String toString() {
        return "create " + create + ", replace " + replace + (metadata > 0 ? ", update metadata " + metadata : "")
                + ", skip " + skip + ", delete " + delete;
    }
}
