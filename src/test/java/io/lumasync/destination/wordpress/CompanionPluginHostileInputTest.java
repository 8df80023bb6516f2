package io.lumasync.destination.wordpress;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;
import io.lumasync.destination.wordpress.api.WpMedia;
import io.lumasync.http.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The companion plugin attacked through the real WordPress 6.5.5 of the test set-up, whose site rules
 * (scripts/wordpress/test-site-rules.php) allow odd image MIME types as some sites do, and inject faults on request.
 */
class CompanionPluginHostileInputTest {
    private static final HttpClient HTTP = Http.newClient();
    /** A 16×16 icon directory entry: PHP detects the bytes as image/vnd.microsoft.icon, which the site allows. */
    private static final byte[] ICO_HEADER = {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0x68, 4, 0, 0, 22, 0, 0, 0};

    private WordPressTestSite site;
    private WordPressDestination wp;

    @BeforeEach
    void connect() {
        site = WordPressTestSite.wp65();
        wp = site.destination();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "shell.php, ico, image/vnd.microsoft.icon",
            "shell.phtml, ico, image/x-icon",
            "drawing.svg, svg, image/svg+xml",
            "page.html, html, image/jpeg",
    })
    void aPayloadThatIsNotAPhotoIsRefusedAndTheAttachmentKept(String name, String kind, String contentType)
            throws Exception {
        Upload u = WpImages.jpegUpload("hostile", 30);
        RemoteRef ref = wp.put(u);
        Map<String, String> before = uploads(ref);

        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> wp.api().replaceFile(Long.parseLong(ref.id()), payload(kind), name, contentType));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("left as it was");
        assertThat(uploads(ref)).as("nothing written, nothing removed").isEqualTo(before);
        assertThat(allUploads()).noneMatch(f -> f.matches("(?i).*\\.(php\\d?|phtml|phar|svgz?|html?)$"));
        assertThat(media(ref).sourceUrl()).isEqualTo(ref.url());
        assertThat(fetch(ref.url())).isEqualTo(u.image().bytes());
    }

    @Test
    void theNameComesFromTheDetectedFormatNeverFromTheSender() throws Exception {
        RemoteRef ref = wp.put(WpImages.jpegUpload("renamed", 31));
        byte[] png = WpImages.png(32);
        WpMedia m = wp.api().replaceFile(Long.parseLong(ref.id()), png, "evil.php", "image/jpeg");
        String stem = fileName(ref.url()).substring(0, fileName(ref.url()).lastIndexOf('.'));
        assertThat(m.fileName()).startsWith(stem).endsWith(".png");
        assertThat(m.mimeType()).isEqualTo("image/png");
        assertThat(fetch(m.sourceUrl())).isEqualTo(png);
        assertThat(allUploads()).noneMatch(f -> f.contains("evil") || f.endsWith(".php"));
    }

    @Test
    void theSitesUploadRulesApplyToAReplace() throws Exception {
        Upload u = WpImages.jpegUpload("site-rules", 33);
        RemoteRef ref = wp.put(u);
        HttpResponse<String> r = replaceWithFault(ref, WpImages.jpeg(34), "prefilter");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("lumasync_upload_refused").contains("Refused by the site's upload rules");
        assertThat(fetch(ref.url())).isEqualTo(u.image().bytes());
    }

    @ParameterizedTest(name = "{0} while replacing with {1}")
    @CsvSource({"exception, JPEG", "exception, PNG", "fatal, JPEG", "fatal, PNG"})
    void aFailureAfterTheNewFileIsInPlaceLeavesTheOldAttachmentIntact(String fault, ImageFormat format)
            throws Exception {
        Upload u = WpImages.jpegUpload("rollback", 35);
        RemoteRef ref = wp.put(u);
        WpMedia m = media(ref);
        Map<String, String> before = uploads(ref);
        byte[] newBytes = format == ImageFormat.PNG ? WpImages.png(36) : WpImages.jpeg(36);

        HttpResponse<String> r = replaceWithFault(ref, newBytes, fault);

        assertThat(r.statusCode()).isEqualTo(500);
        WpMedia after = media(ref);
        assertThat(after.sourceUrl()).isEqualTo(m.sourceUrl());
        assertThat(after.mimeType()).isEqualTo("image/jpeg");
        assertThat(after.mediaDetails()).isEqualTo(m.mediaDetails());
        assertThat(uploads(ref)).as("every old file back with its old bytes, nothing new left behind").isEqualTo(before);
        assertThat(fetch(ref.url())).isEqualTo(u.image().bytes());
        // The same replace without the fault then works: the failed one left nothing in its way.
        assertThat(wp.api().replaceFile(Long.parseLong(ref.id()), newBytes, "x", "image/jpeg").mimeType())
                .isEqualTo(format.mimeType());
    }

    @Test
    void theSyncIdIsShownInTheEditContextOnly() throws Exception {
        Upload u = WpImages.jpegUpload("sync-id-private", 37);
        RemoteRef ref = wp.put(u);
        URI view = URI.create(site.url() + "/wp-json/wp/v2/media/" + ref.id());
        assertThat(get(view, false)).as("visitors").contains("\"id\":" + ref.id()).doesNotContain(u.syncId());
        assertThat(get(view, true)).as("signed in, view context").doesNotContain(u.syncId());
        assertThat(get(URI.create(view + "?context=edit"), true)).contains(u.syncId());
        assertThat(get(URI.create(site.url() + "/wp-json/wp/v2/media?per_page=100"), false)).doesNotContain(u.syncId());
    }

    @Test
    void reconcileIgnoresAnotherAuthorsUploadWithTheSameSyncId() throws Exception {
        Upload u = WpImages.jpegUpload("someone-elses", 38);
        WordPressDestination author = new WordPressDestination(site.api(site.authorUser(), site.authorPassword()));
        RemoteRef theirs = author.put(u);
        assertThat(author.reconcile(u)).as("the author's own lookup").hasValue(theirs);

        assertThat(wp.reconcile(u)).isEmpty();
        RemoteRef mine = wp.put(u);
        assertThat(wp.reconcile(u)).hasValue(mine);
    }

    @Test
    void reconcileIgnoresAnUploadWithOtherBytes() throws Exception {
        Upload sent = WpImages.jpegUpload("other-bytes", 39);
        wp.put(sent);
        Upload differentBytes = new Upload(WpImages.upload("other-bytes", ImageFormat.JPEG, WpImages.jpeg(40),
                AssetMetadata.EMPTY).image(), AssetMetadata.EMPTY, sent.syncId(), "test", sent.sourceAssetId(), "");
        assertThat(wp.reconcile(differentBytes)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static byte[] payload(String kind) {
        String script = switch (kind) {
            case "ico" -> "<?php echo 'owned'; ?>";
            case "svg" -> "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\"><script>alert(1)</script></svg>";
            default -> "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (kind.equals("ico")) {
            out.writeBytes(ICO_HEADER);
        }
        out.writeBytes(script.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A replace request as the app sends it, plus the header the test site's rules read to inject a fault. */
    private HttpResponse<String> replaceWithFault(RemoteRef ref, byte[] bytes, String fault) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(site.url() + "/wp-json/lumasync/v1/media/" + ref.id() + "/file"))
                .header("Authorization", basic())
                .header("Content-Type", "image/jpeg")
                .header("Content-Disposition", "attachment; filename=\"x.jpg\"")
                .header("X-Lumasync-Test-Fault", fault)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private String get(URI uri, boolean signedIn) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (signedIn) {
            b.header("Authorization", basic());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + uri).isEqualTo(200);
        return r.body();
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((site.user() + ":" + site.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private WpMedia media(RemoteRef ref) throws LumasyncException {
        return wp.api().media(Long.parseLong(ref.id())).orElseThrow();
    }

    /**
     * The files of one attachment (named after its file, which is unique per test) and the plugin's hidden
     * working files for it, each with a digest of its bytes. Other tests upload at the same time.
     */
    private Map<String, String> uploads(RemoteRef ref) throws IOException {
        String file = fileName(ref.url());
        String stem = file.substring(0, file.lastIndexOf('.'));
        Path dir = uploadsDir();
        Map<String, String> files = new TreeMap<>();
        for (String name : allUploads()) {
            if (name.startsWith(stem) || name.startsWith(".lumasync-" + ref.id() + "-")) {
                files.put(name, WordPressApi.md5Hex(Files.readAllBytes(dir.resolve(name))));
            }
        }
        return files;
    }

    private List<String> allUploads() throws IOException {
        Path dir = uploadsDir();
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
        }
    }

    private Path uploadsDir() {
        return site.dir().resolve("wp-content/uploads");
    }

    private static String fileName(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static byte[] fetch(String url) throws Exception {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            assertThat(r.statusCode()).as("GET " + url).isEqualTo(200);
            return in.readAllBytes();
        }
    }
}
