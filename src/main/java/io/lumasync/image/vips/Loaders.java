package io.lumasync.image.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** Which libvips loaders may run in this process: those of Lumasync's input formats, nothing else. */
public final class Loaders {
    private Loaders() {
    }

    /**
     * Loaders that read the formats Lumasync lists as inputs (file, memory and stream variants). Every other loader
     * in the library — SVG, PDF, the scientific formats, libvips' own — is blocked, so content can never pick one.
     */
    public static final List<String> INPUT_LOADERS = List.of("jpegload", "pngload", "gifload", "webpload",
            "tiffload", "heifload");

    /**
     * libvips picks a loader from the content, and the bundled build can render SVG (with its external references
     * and unbounded nesting). Block what libvips marks as untrusted, then every loader, then let the listed
     * ones back in: a later libvips that adds a loader keeps it blocked.
     */
    static void blockAllButInputs(Vips vips) {
        FunctionDescriptor blockSet = FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT);
        vips.invoke("vips_block_untrusted_set", FunctionDescriptor.ofVoid(JAVA_INT), -1, 1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment base = arena.allocateFrom("VipsForeignLoad");
            vips.invoke("vips_operation_block_set", blockSet, -1, base, 1);
            for (String loader : INPUT_LOADERS) {
                for (String variant : List.of("", "_buffer", "_source")) {
                    // Blocking goes by GType name (VipsForeignLoadJpegFile…); find it from the nickname.
                    long type = (long) vips.invoke("vips_type_find",
                            FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS), -1, base,
                            arena.allocateFrom(loader + variant));
                    if (type != 0) {
                        MemorySegment name = (MemorySegment) vips.invoke("g_type_name",
                                FunctionDescriptor.of(ADDRESS, JAVA_LONG), -1, type);
                        vips.invoke("vips_operation_block_set", blockSet, -1, name, 0);
                    }
                }
            }
        }
    }
}
