package io.lumasync.destination.wordpress;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Against Debian's own WordPress 6.1 (PHP 8.2, SQLite) without the companion plugin: it refuses AVIF, so the probe
 * must leave AVIF out (the engine then sends WebP), and changed images take the put-then-remove path.
 */
class WordPress61Test {
    private WordPressDestination wp;

    @BeforeEach
    void connect() {
        wp = WordPressTestSite.wp61().destination();
    }

    @Test
    void probeLeavesAvifOutAndDeclaresPutThenRemove() throws Exception {
        Capabilities caps = wp.capabilities();
        assertThat(caps.formats()).contains(ImageFormat.WEBP, ImageFormat.JPEG).doesNotContain(ImageFormat.AVIF);
        assertThat(caps.replace()).isEqualTo(ReplaceStrategy.PUT_THEN_REMOVE);
        assertThat(caps.maxUploadBytes()).as("unknown without the plugin").isZero();
        assertThat(caps.notes()).anySatisfy(n -> assertThat(n).startsWith("WordPress version: 6.1"));
        assertThat(caps.notes()).anySatisfy(n -> assertThat(n).startsWith("AVIF not accepted")
                .contains("not allowed to upload this file type"));
        assertThat(caps.notes()).anySatisfy(n -> assertThat(n).startsWith("Companion plugin not active"));
    }

    @Test
    void theServerItselfRefusesAvifAsAFormatProblemNotARetry() throws Exception {
        byte[] avif = WordPressCapabilityProbe.sample(ImageFormat.AVIF);
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> wp.api().upload(avif, "direct.avif", "image/avif", Map.of()));
        assertThat(e.kind()).as("a 500 that means 'file type not allowed'").isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("does not take this kind of file");
    }

    @Test
    void anAvifPutIsRefusedBeforeSending() throws Exception {
        Upload u = WpImages.upload("avif", ImageFormat.AVIF, WordPressCapabilityProbe.sample(ImageFormat.AVIF), AssetMetadata.EMPTY);
        long before = total();
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> wp.put(u));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("does not accept AVIF");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void webpIsTheFallbackThatWorks() throws Exception {
        Upload u = WpImages.upload("fallback", ImageFormat.WEBP, WordPressCapabilityProbe.sample(ImageFormat.WEBP), AssetMetadata.EMPTY);
        RemoteRef ref = wp.put(u);
        assertThat(ref.url()).endsWith(".webp");
        assertThat(download(ref)).isEqualTo(u.image().bytes());
    }

    @Test
    void withoutThePluginReconcileFindsAnUploadByNameAndSize() throws Exception {
        Upload u = WpImages.jpegUpload("reconcile", 30);
        RemoteRef first = wp.put(u);
        assertThat(wp.reconcile(u)).hasValue(first);
        Upload sameNameOtherBytes = new Upload(new io.lumasync.core.EncodedImage(WpImages.jpeg(31), ImageFormat.JPEG,
                u.image().fileName(), 400, 300, 0, java.util.List.of()), u.metadata(), u.syncId(), "test", "x", "");
        assertThat(wp.reconcile(sameNameOtherBytes)).as("same name, other size").isEmpty();
    }

    @Test
    void replaceInPlaceIsRefusedAndPutThenRemoveChangesTheAddress() throws Exception {
        Upload first = WpImages.jpegUpload("no-plugin", 32);
        RemoteRef old = wp.put(first);
        Upload changed = WpImages.jpegUpload("no-plugin", 33);
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> wp.replace(old, changed));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("Companion plugin is not active");

        // What the engine does for PUT_THEN_REMOVE.
        RemoteRef fresh = wp.put(changed);
        wp.remove(old);
        assertThat(fresh.id()).isNotEqualTo(old.id());
        assertThat(fresh.url()).isNotEqualTo(old.url());
        assertThat(download(fresh)).isEqualTo(changed.image().bytes());
        assertThat(wp.metadata(old)).isEmpty();
    }

    @Test
    void metadataRoundTrips() throws Exception {
        RemoteRef ref = wp.put(WpImages.jpegUpload("meta61", 34));
        AssetMetadata md = new AssetMetadata("Alt", "Title", "Caption", "Description");
        wp.updateMetadata(ref, md);
        assertThat(wp.metadata(ref)).hasValue(md);
    }

    private long total() throws LumasyncException {
        return wp.api().listMedia(1, 1, "asc").total();
    }

    private byte[] download(RemoteRef ref) throws Exception {
        try (InputStream in = wp.download(ref)) {
            return in.readAllBytes();
        }
    }
}
