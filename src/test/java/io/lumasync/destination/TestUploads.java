package io.lumasync.destination;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.testing.TestImages;

import java.io.IOException;
import java.io.InputStream;

/** Small uploads and a reader for the adapters' own tests (the contract suite makes its own). */
public final class TestUploads {
    private TestUploads() {
    }

    /** {@code name.<ext>} with alt text "A heron", sync id {@code sync-name}. */
    public static Upload upload(String name, ImageFormat format, byte[] bytes) {
        return new Upload(TestImages.encoded(name, format, bytes), new AssetMetadata("A heron", "", "", ""),
                "sync-" + name, "photos", name + ".raw", "");
    }

    public static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
