package io.lumasync.destination.s3;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.destination.Upload;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTemplateTest {
    private static Upload upload(String folder) {
        return new Upload(TestImages.encoded("heron", ImageFormat.AVIF, new byte[]{1}), AssetMetadata.EMPTY,
                "sync/1", "Dropbox", "id:9", folder);
    }

    @Test
    void fillsPlaceholdersAndDropsEmptyAndParentSegments() {
        assertThat(KeyTemplate.render("{folder}/{filename}", upload(""))).isEqualTo("heron.avif");
        assertThat(KeyTemplate.render("{folder}/{filename}", upload("2024/birds"))).isEqualTo("2024/birds/heron.avif");
        assertThat(KeyTemplate.render("/blog/{source}/{name}-{sync_id}.{ext}", upload("../x")))
                .isEqualTo("blog/Dropbox/heron-sync_1.avif");
        assertThat(KeyTemplate.render("{folder}/{filename}", upload("a/../../b"))).isEqualTo("a/b/heron.avif");
    }

    @Test
    void aFolderNamedLikeAPlaceholderIsWrittenAsItIs() {
        assertThat(KeyTemplate.render("{folder}/{filename}", upload("{filename}"))).isEqualTo("{filename}/heron.avif");
        assertThat(KeyTemplate.render("{folder}/{unknown}/{filename}", upload("a"))).isEqualTo("a/{unknown}/heron.avif");
    }

    @Test
    void prefixIsTheFixedFolderBeforeTheFirstPlaceholder() {
        assertThat(KeyTemplate.prefix("{folder}/{filename}")).isEmpty();
        assertThat(KeyTemplate.prefix("blog/img/{folder}/{filename}")).isEqualTo("blog/img/");
        assertThat(KeyTemplate.prefix("blog/img-{filename}")).isEqualTo("blog/");
    }

    @Test
    void suffixAndExtensionSwapsKeepTheFolder() {
        assertThat(KeyTemplate.withSuffix("a.b/c.jpg", 2)).isEqualTo("a.b/c-2.jpg");
        assertThat(KeyTemplate.withSuffix("a.b/c", 3)).isEqualTo("a.b/c-3");
        assertThat(KeyTemplate.withExtension("a/c.jpg", "avif")).isEqualTo("a/c.avif");
    }
}
