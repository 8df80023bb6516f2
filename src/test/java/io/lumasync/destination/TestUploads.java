package io.lumasync.destination;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.testing.TestImages;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Small uploads and a reader for the adapters' own tests (the contract suite makes its own). */
public final class TestUploads {
    private TestUploads() {
    }

    /** {@code name.<ext>} with alt text "A heron", sync id {@code sync-name}. */
    public static Upload upload(String name, ImageFormat format, byte[] bytes) {
        return new Upload(TestImages.encoded(name, format, bytes), new AssetMetadata("A heron", "", "", ""),
                "sync-" + name, "photos", name + ".raw", "");
    }

    /**
     * Puts a photo, deletes it at the destination, then replaces it: the destination publishes it anew (another id,
     * the new bytes) and holds exactly one file, as {@code count} tells.
     */
    public static void aDeletedFileIsPublishedAnew(Destination d, IntSupplier count) throws Exception {
        RemoteRef first = d.put(upload("gone", ImageFormat.PNG, TestImages.png(20)));
        d.remove(first);
        RemoteRef again = d.replace(first, upload("gone", ImageFormat.PNG, TestImages.png(21)));
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(read(d.download(again))).isEqualTo(TestImages.png(21));
        assertThat(count.getAsInt()).isEqualTo(1);
    }

    public static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
