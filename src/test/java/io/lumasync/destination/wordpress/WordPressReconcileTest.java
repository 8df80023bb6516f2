package io.lumasync.destination.wordpress;

import io.lumasync.core.ImageFormat;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.destination.wordpress.api.CompanionInfo;
import io.lumasync.http.Http;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's own check of a sync-id lookup, against a stand-in for a companion plugin that answers with whatever
 * attachment it has (an older plugin, or one a site changed): only the signed-in account's upload of the very
 * bytes sent is taken.
 */
class WordPressReconcileTest {
    private static final long ME = 7;

    @Test
    void onlyTheSignedInAuthorsUploadOfTheSameBytesCounts() throws Exception {
        Upload u = WpImages.jpegUpload("lost-answer", 50);
        String md5 = WordPressApi.md5Hex(u.image().bytes());
        try (StandInSite site = StandInSite.start()) {
            WordPressDestination wp = new WordPressDestination(
                    new WordPressApi(Http.newClient(), site.uri(), "ann", "abcd efgh ijkl mnop qrst uvwx"), findings());

            site.answer(attachment(ME + 1, md5));
            assertThat(wp.reconcile(u)).as("another author's upload").isEmpty();
            site.answer(attachment(ME, WordPressApi.md5Hex(new byte[]{1, 2, 3})));
            assertThat(wp.reconcile(u)).as("other bytes").isEmpty();
            site.answer(attachment(ME, ""));
            assertThat(wp.reconcile(u)).as("an answer without the MD5").isEmpty();
            site.answer(attachment(ME, md5));
            assertThat(wp.reconcile(u)).hasValueSatisfying(ref -> assertThat(ref.id()).isEqualTo("41"));

            assertThat(site.seen()).allSatisfy(s -> assertThat(s.path()).contains("md5=" + md5));
        }
    }

    private static String attachment(long author, String md5) {
        return "{\"id\":41,\"author\":" + author + ",\"source_url\":\"http://127.0.0.1/wp-content/uploads/a.jpg\","
                + "\"mime_type\":\"image/jpeg\",\"lumasync_md5\":\"" + md5 + "\"}";
    }

    private static WordPressCapabilityProbe.Findings findings() {
        Capabilities caps = new Capabilities(EnumSet.of(ImageFormat.JPEG), 0, ReplaceStrategy.SAME_ID_SAME_URL,
                true, true, List.of());
        CompanionInfo plugin = new CompanionInfo("1.1.0", "6.5.5", 0, List.of("image/jpeg"), Map.of("image/jpeg", true));
        return new WordPressCapabilityProbe.Findings(caps, Optional.of(plugin), "6.5.5", ME);
    }
}
