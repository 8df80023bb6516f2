package io.lumasync.destination;

import io.lumasync.core.ImageFormat;

import java.util.Set;

/**
 * What a destination accepts, probed where the destination can be asked.
 *
 * @param formats        the formats it accepts, e.g. AVIF only on WordPress ≥ 6.5 with an AVIF-capable editor
 * @param maxUploadBytes the largest file it takes, 0 when unknown
 * @param replace        how in-place updates work
 * @param canList        whether {@link Destination#list} works (Optimize, adopting existing assets)
 * @param canUpdateMetadata whether metadata can change without re-uploading
 * @param notes          plain-language findings of the probe, shown in "test"
 */
public record Capabilities(Set<ImageFormat> formats, long maxUploadBytes, ReplaceStrategy replace, boolean canList,
                           boolean canUpdateMetadata, java.util.List<String> notes) {
    public Capabilities {
        formats = Set.copyOf(formats);
        notes = java.util.List.copyOf(notes);
    }
}
