package io.lumasync.destination.wordpress;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.Upload;
import io.lumasync.sync.Hashing;
import io.lumasync.sync.RenameBench;
import io.lumasync.sync.RenameReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.lumasync.destination.TestUploads.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deliberate rename on a real WordPress. WordPress cannot rename an attachment's file (REST
 * {@code POST /wp/v2/media/<id>} ignores a new file, developer.wordpress.org/rest-api/reference/media), and the
 * companion's replace keeps the name on purpose: the rename is a new attachment carrying the old one's text, the
 * sync map pointed at it, then the old attachment deleted ({@code DELETE /wp/v2/media/<id>?force=true}).
 */
class WordPressRenameTest {
    private static final AssetMetadata TEXT = new AssetMetadata("A heron at dawn", "Heron", "On the river",
            "Shot at 6am");

    @Test
    void withTheCompanionPluginANewAttachmentTakesTheOldOnesPlaceWithItsText() throws Exception {
        renamesWithoutDuplicate(WordPressTestSite.wp65());
    }

    @Test
    void withoutThePluginOnWordPress61TheSame() throws Exception {
        renamesWithoutDuplicate(WordPressTestSite.wp61());
    }

    @Test
    void anAttachmentLeftByARenameCutShortIsTakenUpInsteadOfUploadedAgain() throws Exception {
        WordPressDestination wp = WordPressTestSite.wp65().destination();
        String unique = "egret-" + UUID.randomUUID().toString().substring(0, 8);
        try (RenameBench bench = new RenameBench(wp, "{source}-{original}.{ext}")) {
            Upload first = upload(unique, WpImages.jpeg(4));
            RemoteRef old = bench.publish(wp, first).remote();
            // What the first attempt sent before it was cut short: the file under its new name, with the rename's id.
            String newName = "shoot-" + unique + ".jpg";
            RemoteRef orphan = wp.put(new Upload(image(newName, first.image().bytes()), TEXT,
                    Hashing.syncId("rename", RenameBench.SOURCE + ":" + first.sourceAssetId(),
                            RenameBench.DESTINATION), RenameBench.SOURCE, first.sourceAssetId(), ""));
            long before = total(wp);

            bench.rename(first.sourceAssetId());

            assertThat(bench.recorded(first.sourceAssetId())).isEqualTo(orphan);
            assertThat(total(wp)).as("the old attachment deleted, nothing uploaded again").isEqualTo(before - 1);
            assertThat(wp.metadata(old)).isEmpty();
        }
    }

    @Test
    void aBigImageWordPressScaledDownIsRenamedWithItsOriginalFileNotTheScaledCopy() throws Exception {
        WordPressDestination wp = WordPressTestSite.wp65().destination();
        String unique = "panorama-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] big = WpImages.jpeg(40, 3000, 2000);
        try (RenameBench bench = new RenameBench(wp, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(wp, upload(unique, big)).remote();
            assertThat(old.url()).endsWith("-scaled.jpg");
            assertThat(read(wp.download(old))).as("the file as uploaded, not the scaled copy").isEqualTo(big);

            RenameReport r = bench.rename(unique + ".jpg");

            RemoteRef now = bench.recorded(unique + ".jpg");
            assertThat(r.newUrl()).endsWith("/shoot-" + unique + "-scaled.jpg");
            assertThat(read(wp.download(now))).isEqualTo(big);
            assertThat(bench.rename(unique + ".jpg").changed()).as("already named by the template").isFalse();
        }
    }

    private static void renamesWithoutDuplicate(WordPressTestSite site) throws Exception {
        WordPressDestination wp = site.destination();
        assertThat(wp.renaming().route()).isEqualTo(Renaming.Route.REPUBLISH);
        assertThat(wp.renaming().explanation()).contains("attachment ID change");
        String unique = "heron-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] jpeg = WpImages.jpeg(3);
        try (RenameBench bench = new RenameBench(wp, "{source}-{original}.{ext}")) {
            Upload u = upload(unique, jpeg);
            RemoteRef old = bench.publish(wp, u).remote();
            long before = total(wp);
            assertThat(bench.preview(u.sourceAssetId()).newName()).isEqualTo("shoot-" + unique + ".jpg");

            RenameReport r = bench.rename(u.sourceAssetId());

            RemoteRef now = bench.recorded(u.sourceAssetId());
            assertThat(r.oldUrl()).isEqualTo(old.url()).endsWith("/" + unique + ".jpg");
            assertThat(r.newUrl()).isEqualTo(now.url()).startsWith(site.url() + "/wp-content/uploads/")
                    .endsWith("/shoot-" + unique + ".jpg");
            assertThat(now.id()).isNotEqualTo(old.id());
            assertThat(r.leftover()).isEmpty();
            assertThat(read(wp.download(now))).isEqualTo(jpeg);
            assertThat(wp.metadata(now)).as("alt text, title, caption and description kept").hasValue(TEXT);
            assertThat(wp.metadata(old)).as("the old attachment is deleted").isEmpty();
            assertThat(total(wp)).as("no duplicate left behind").isEqualTo(before);
        }
    }

    private static Upload upload(String unique, byte[] jpeg) {
        return new Upload(image(unique + ".jpg", jpeg), TEXT, "sync-" + unique, RenameBench.SOURCE, unique + ".jpg",
                "");
    }

    private static EncodedImage image(String name, byte[] jpeg) {
        return new EncodedImage(jpeg, ImageFormat.JPEG, name, 400, 300, jpeg.length, List.of());
    }

    private static long total(WordPressDestination wp) throws Exception {
        return wp.api().listMedia(1, 1, "asc").total();
    }
}
