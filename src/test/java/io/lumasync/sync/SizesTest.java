package io.lumasync.sync;

import io.lumasync.core.EncodedImage;
import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SizesTest {
    @Test
    void oneFormatterForEveryByteCount() {
        assertThat(Sizes.human(512)).isEqualTo("512 B");
        assertThat(Sizes.human(13_414)).isEqualTo("13.1 KB");
        assertThat(Sizes.human(348_160)).isEqualTo("340 KB");
        assertThat(Sizes.human(4_404_019)).isEqualTo("4.2 MB");
        assertThat(Sizes.human(1_395_864_371L)).isEqualTo("1.3 GB");
        assertThat(Sizes.saving(1_258_291, 348_160)).isEqualTo("1.2 MB → 340 KB (−72%)");
    }

    @Test
    void aKeptOriginalIsSaidSoInsteadOfAZeroSaving() {
        String note = "published, 13.1 KB → 13.1 KB JPEG; " + EncodedImage.KEPT_ORIGINAL
                + " (re-encoding would not make it smaller).";
        ItemProgress kept = new ItemProgress("upload", "a.jpg", "a.jpg", "web", JobAction.CREATE, JobState.DONE,
                13_414, 13_414, note, "file:/x/a.jpg");
        assertThat(kept.keptOriginal()).isTrue();
        assertThat(Sizes.result(kept)).isEqualTo("kept the original (already smaller than any re-encode), 13.1 KB")
                .doesNotContain("−0%");
        ItemProgress smaller = new ItemProgress("upload", "b.jpg", "b.jpg", "web", JobAction.CREATE, JobState.DONE,
                1_258_291, 348_160, "published, 1.2 MB → 340 KB AVIF", "file:/x/b.avif");
        assertThat(smaller.keptOriginal()).isFalse();
        assertThat(Sizes.result(smaller)).isEqualTo("1.2 MB → 340 KB (−72%)");
    }
}
