package io.lumasync.image.metric;

/**
 * Whether the metric's vector loops ({@link Lanes}) can run: kept apart from them, as touching {@link Lanes} in a
 * JVM without the vector module would fail to load its classes.
 */
final class LaneSupport {
    /** True when the JVM resolved the vector module (and {@code -Dlumasync.scalar=true} does not ask otherwise). */
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("lumasync.scalar");

    private LaneSupport() {
    }
}
