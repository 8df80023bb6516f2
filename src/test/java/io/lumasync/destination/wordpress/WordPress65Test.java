package io.lumasync.destination.wordpress;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.destination.wordpress.api.WpMedia;
import io.lumasync.http.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Against a real WordPress 6.5.5 (PHP 8.2, SQLite) with the Lumasync Companion plugin active. */
class WordPress65Test {
    private WordPressTestSite site;
    private WordPressDestination wp;

    @BeforeEach
    void connect() {
        site = WordPressTestSite.wp65();
        wp = site.destination();
    }

    @Test
    void probeFindsAvifWebpThePluginAndTheUploadLimit() throws Exception {
        Capabilities caps = wp.capabilities();
        assertThat(caps.formats()).contains(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG, ImageFormat.PNG);
        assertThat(caps.replace()).isEqualTo(ReplaceStrategy.SAME_ID_SAME_URL);
        assertThat(caps.maxUploadBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(caps.canList()).isTrue();
        assertThat(caps.notes()).anySatisfy(n -> assertThat(n).contains("6.5.5"));
        assertThat(caps.notes()).anySatisfy(n -> assertThat(n).startsWith("AVIF accepted"));
        assertThat(wp.list(1, 100)).as("probe uploads are deleted again")
                .noneSatisfy(a -> assertThat(a.fileName()).startsWith("lumasync-format-check"));
    }

    @Test
    void putStoresTheBytesAndTheText() throws Exception {
        AssetMetadata md = new AssetMetadata("A heron at dawn", "Heron", "On the river", "Shot at 6am");
        Upload u = WpImages.upload("heron", ImageFormat.JPEG, WpImages.jpeg(1), md);
        RemoteRef ref = wp.put(u);
        assertThat(ref.url()).startsWith(site.url() + "/wp-content/uploads/").endsWith(".jpg");
        assertThat(download(ref)).isEqualTo(u.image().bytes());
        assertThat(wp.metadata(ref)).hasValue(md);
    }

    @Test
    void avifIsStoredAsAvif() throws Exception {
        byte[] avif = WordPressCapabilityProbe.sample(ImageFormat.AVIF);
        Upload u = WpImages.upload("avif", ImageFormat.AVIF, avif, AssetMetadata.EMPTY);
        RemoteRef ref = wp.put(u);
        assertThat(ref.url()).endsWith(".avif");
        assertThat(download(ref)).isEqualTo(avif);
    }

    @Test
    void puttingTheSameUploadAgainIsReconciledBySyncId() throws Exception {
        Upload u = WpImages.jpegUpload("again", 2);
        RemoteRef first = wp.put(u);
        long total = total();
        assertThat(wp.reconcile(u)).hasValue(first);
        assertThat(wp.reconcile(WpImages.jpegUpload("never-sent", 3))).isEmpty();
        assertThat(total()).isEqualTo(total);
    }

    @Test
    void replaceKeepsTheAttachmentItsAddressAndItsAltText() throws Exception {
        Upload first = WpImages.jpegUpload("replace", 4);
        RemoteRef ref = wp.put(first);
        String thumb = thumbnailUrl(ref);
        byte[] thumbBefore = fetch(thumb);

        Upload changed = new Upload(WpImages.upload("x", ImageFormat.JPEG, WpImages.jpeg(5), AssetMetadata.EMPTY).image(),
                AssetMetadata.EMPTY, first.syncId(), "test", first.sourceAssetId(), "");
        RemoteRef replaced = wp.replace(ref, changed);

        assertThat(replaced.id()).isEqualTo(ref.id());
        assertThat(withoutQuery(replaced.url())).isEqualTo(ref.url());
        assertThat(replaced.url()).as("cache-busting version").endsWith("?v=1");
        assertThat(download(replaced)).isEqualTo(changed.image().bytes());
        assertThat(fetch(ref.url())).as("the old address serves the new file").isEqualTo(changed.image().bytes());
        assertThat(thumbnailUrl(replaced)).isEqualTo(thumb);
        assertThat(fetch(thumb)).as("thumbnail made again from the new file").isNotEqualTo(thumbBefore);
        assertThat(wp.metadata(replaced).orElseThrow().altText()).isEqualTo("Alt replace");
        assertThat(wp.replace(replaced, changed).url()).endsWith("?v=2");
    }

    @Test
    void replaceWithAnotherFormatKeepsTheIdAndReportsTheNewAddress() throws Exception {
        RemoteRef ref = wp.put(WpImages.jpegUpload("format-change", 6));
        Upload png = WpImages.upload("format-change", ImageFormat.PNG, WpImages.png(7), AssetMetadata.EMPTY);
        RemoteRef replaced = wp.replace(ref, png);
        assertThat(replaced.id()).isEqualTo(ref.id());
        assertThat(withoutQuery(replaced.url())).endsWith(".png").isNotEqualTo(ref.url());
        assertThat(download(replaced)).isEqualTo(png.image().bytes());
        assertThat(status(ref.url())).as("old address").isEqualTo(404);
    }

    @Test
    void replacingAPhotoWordPressScaledDownKeepsTheScaledAddress() throws Exception {
        // Above 2560 px WordPress keeps the upload as the original and serves a "-scaled" copy.
        Upload big = WpImages.upload("panorama", ImageFormat.JPEG, WpImages.jpeg(40, 3000, 2000), AssetMetadata.EMPTY);
        RemoteRef ref = wp.put(big);
        assertThat(ref.url()).endsWith("-scaled.jpg");
        Upload changed = WpImages.upload("other", ImageFormat.JPEG, WpImages.jpeg(41, 3000, 2000), AssetMetadata.EMPTY);
        byte[] before = fetch(ref.url());
        RemoteRef replaced = wp.replace(ref, changed);
        assertThat(replaced.id()).isEqualTo(ref.id());
        assertThat(withoutQuery(replaced.url())).isEqualTo(ref.url());
        assertThat(fetch(ref.url())).as("scaled copy made again from the new photo").isNotEqualTo(before);
    }

    @Test
    void thePluginRefusesABodyThatIsNotAnImage() throws Exception {
        Upload u = WpImages.jpegUpload("not-an-image", 8);
        RemoteRef ref = wp.put(u);
        byte[] text = "<?php echo 'hello';".getBytes(StandardCharsets.UTF_8);
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> wp.api().replaceFile(Long.parseLong(ref.id()), text, "evil.jpg", "image/jpeg"));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("not an image");
        assertThat(download(ref)).as("attachment left as it was").isEqualTo(u.image().bytes());
    }

    @Test
    void metadataUpdateChangesOnlyTheText() throws Exception {
        Upload u = WpImages.jpegUpload("meta", 9);
        RemoteRef ref = wp.put(u);
        AssetMetadata changed = new AssetMetadata("Two herons", "Herons", "Caption", "Description");
        wp.updateMetadata(ref, changed);
        assertThat(wp.metadata(ref)).hasValue(changed);
        assertThat(download(ref)).isEqualTo(u.image().bytes());
    }

    @Test
    void removeDeletesForGoodAndTwiceIsFine() throws Exception {
        RemoteRef ref = wp.put(WpImages.jpegUpload("remove", 10));
        wp.remove(ref);
        assertThat(wp.metadata(ref)).isEmpty();
        assertThat(status(ref.url())).isEqualTo(404);
        assertThatCode(() -> wp.remove(ref)).doesNotThrowAnyException();
    }

    @Test
    void listWalksEveryPageWithoutDuplicates() throws Exception {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(wp.put(WpImages.jpegUpload("list" + i, 20 + i)).id());
        }
        List<RemoteAsset> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<RemoteAsset> got = wp.list(page, 2);
            if (got.isEmpty()) {
                break;
            }
            assertThat(got).hasSizeLessThanOrEqualTo(2);
            all.addAll(got);
        }
        assertThat(all).extracting(a -> a.ref().id()).containsAll(mine).doesNotHaveDuplicates();
        assertThat((long) all.size()).isEqualTo(total());
        assertThat(all).filteredOn(a -> mine.contains(a.ref().id())).allSatisfy(a -> {
            assertThat(a.size()).isPositive();
            assertThat(a.width()).isEqualTo(400);
            assertThat(a.mimeType()).isEqualTo("image/jpeg");
        });
    }

    @Test
    void aFileOverTheSiteLimitIsRefusedBeforeSending() throws Exception {
        byte[] big = java.util.Arrays.copyOf(WpImages.png(11), 8 * 1024 * 1024 + 1);
        Upload u = WpImages.upload("big", ImageFormat.PNG, big, AssetMetadata.EMPTY);
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> wp.put(u));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("too large").contains(u.image().fileName());
    }

    @Test
    void aWrongPasswordAsksToReconnectInPlainWords() {
        WordPressDestination wrong = new WordPressDestination(site.api(site.user(), "abcd efgh ijkl mnop qrst uvwx"));
        LumasyncException e = catchThrowableOfType(LumasyncException.class, wrong::capabilities);
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("did not accept the user name '" + site.user() + "' with this application password")
                .contains("Users → Profile → Application Passwords").doesNotContain("abcd");
    }

    @Test
    void aProductionSiteOverPlainHttpIsExplainedInsteadOfABare401() {
        // The same site seen as a production site: WordPress then ignores application passwords over http.
        WordPressDestination production = site.destinationAt(URI.create(site.url() + "/as-production"));
        LumasyncException e = catchThrowableOfType(LumasyncException.class, production::capabilities);
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("ignored the application password")
                .contains("plain http").contains("https://").contains("WP_ENVIRONMENT_TYPE");
    }

    @Test
    void anUnknownUserIsNamed() {
        WordPressDestination wrong = new WordPressDestination(site.api("nobody-here", site.password()));
        LumasyncException e = catchThrowableOfType(LumasyncException.class, wrong::capabilities);
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("'nobody-here'").contains("Check the user name");
    }

    @Test
    void anAccountThatMayNotUploadIsExplained() {
        WordPressDestination reader = new WordPressDestination(site.api(site.readerUser(), site.readerPassword()));
        LumasyncException e = catchThrowableOfType(LumasyncException.class, reader::capabilities);
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("may not upload").contains("Author, Editor or Administrator");
    }

    @Test
    void maintenanceModeIsRetriedLater() throws Exception {
        wp.capabilities();
        Path flag = site.dir().resolve(".maintenance");
        Files.writeString(flag, "<?php $upgrading = time();");
        try {
            LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> wp.put(WpImages.jpegUpload("maint", 12)));
            assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
            assertThat(e.getMessage()).contains("503").contains("maintenance");
        } finally {
            Files.deleteIfExists(flag);
        }
    }

    @Test
    void aWrongSiteAddressSaysItIsNotWordPressData() throws Exception {
        try (var parked = ParkedDomain.start()) {
            WordPressDestination elsewhere = site.destinationAt(parked.uri());
            LumasyncException e = catchThrowableOfType(LumasyncException.class, elsewhere::capabilities);
            assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("answered with a web page instead of WordPress data")
                    .contains(parked.uri().toString());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private long total() throws LumasyncException {
        return wp.api().listMedia(1, 1, "asc").total();
    }

    private byte[] download(RemoteRef ref) throws Exception {
        try (InputStream in = wp.download(ref)) {
            return in.readAllBytes();
        }
    }

    private String thumbnailUrl(RemoteRef ref) throws Exception {
        WpMedia m = wp.api().media(Long.parseLong(ref.id())).orElseThrow();
        String url = withoutQuery(m.sourceUrl());
        return url.substring(0, url.lastIndexOf('.')) + "-150x150" + url.substring(url.lastIndexOf('.'));
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static final HttpClient HTTP = Http.newClient();

    private static byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("GET " + url).isEqualTo(200);
        return r.body();
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
