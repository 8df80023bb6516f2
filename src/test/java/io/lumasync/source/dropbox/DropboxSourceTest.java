package io.lumasync.source.dropbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.ContentDigest;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Dropbox specifics beyond the contract, against the same fake (Dropbox HTTP API reference pages named there). */
class DropboxSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path work;
    private DropboxSourceContractTest.DropboxFixture fx;

    @BeforeEach
    void start() {
        fx = new DropboxSourceContractTest.DropboxFixture(work);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void requestsHaveTheShapesTheReferenceAsksFor() throws Exception {
        fx.put("Été/café ünïcode.jpg", TestImages.jpeg(1));
        Source s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        try (InputStream in = s.open(item)) {
            assertThat(in.readAllBytes()).isEqualTo(TestImages.jpeg(1));
        }
        assertThat(item.folder()).isEqualTo("Été");

        // files/list_folder: JSON body, recursive from the configured folder, bearer token.
        List<LoggedRequest> list = fx.fake.wireMock().findAll(postRequestedFor(urlEqualTo("/2/files/list_folder")));
        assertThat(list).hasSize(1);
        JsonNode arg = JSON.readTree(list.getFirst().getBodyAsString());
        assertThat(arg.path("path").asText()).isEqualTo("/Photos");
        assertThat(arg.path("recursive").asBoolean()).isTrue();
        assertThat(list.getFirst().getHeader("Authorization")).startsWith("Bearer access-");

        // files/download: argument in Dropbox-API-Arg, ASCII only (non-ASCII escaped), by file id, no body.
        LoggedRequest dl = fx.fake.wireMock().findAll(postRequestedFor(urlEqualTo("/2/files/download"))).getFirst();
        String header = dl.getHeader("Dropbox-API-Arg");
        assertThat(header.chars().allMatch(c -> c < 128)).isTrue();
        assertThat(JSON.readTree(header).path("path").asText()).isEqualTo(item.id()).startsWith("id:");
        assertThat(dl.getBody()).isEmpty();
    }

    @Test
    void aMovedFileKeepsItsIdAndIsNotReportedRemoved() throws Exception {
        fx.put("inbox/a.jpg", TestImages.jpeg(2));
        Listing first = fx.source().list(Optional.empty());
        String id = first.items().getFirst().id();
        fx.fake.move("inbox/a.jpg", "portfolio/a.jpg");
        Listing delta = fx.source().list(first.cursor());
        assertThat(delta.removed()).isEmpty();
        assertThat(delta.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.folder()).isEqualTo("portfolio");
        });
    }

    @Test
    void aDeletedFolderRemovesEverythingUnderIt() throws Exception {
        fx.put("trip/a.jpg", TestImages.jpeg(3));
        fx.put("trip/deep/b.jpg", TestImages.jpeg(4));
        fx.put("keep.jpg", TestImages.jpeg(5));
        Listing first = fx.source().list(Optional.empty());
        fx.fake.deleteFolder("trip");
        Listing delta = fx.source().list(first.cursor());
        assertThat(delta.removed()).containsExactlyInAnyOrderElementsOf(first.items().stream()
                .filter(i -> i.folder().startsWith("trip")).map(SourceItem::id).toList());
        assertThat(delta.items()).isEmpty();
    }

    @Test
    void longpollWakesTheWatcherWhenSomethingChanges() throws Exception {
        fx.put("a.jpg", TestImages.jpeg(20));
        java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
        DropboxSource s = (DropboxSource) fx.source();
        try (AutoCloseable w = s.watch(java.time.Duration.ZERO, changed::countDown)) {
            // wait until the watcher is parked in a longpoll, then change a file
            for (int i = 0; i < 500 && fx.fake.longpolls.get() == 0; i++) {
                Thread.sleep(10);
            }
            assertThat(fx.fake.longpolls.get()).isPositive();
            assertThat(changed.getCount()).as("no call-back before anything changed").isEqualTo(1);
            fx.put("b.jpg", TestImages.jpeg(21));
            assertThat(changed.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("watcher called back").isTrue();
        }
        // The longpoll went out without the token (the endpoint takes none), to the notify address.
        assertThat(fx.fake.wireMock().findAll(postRequestedFor(urlEqualTo("/2/files/list_folder/longpoll"))))
                .isNotEmpty().allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    }

    @Test
    void anEmptyFolderListsNothingWithoutAnError() throws Exception {
        fx.fake.mkdir("");
        Listing l = fx.source().list(Optional.empty());
        assertThat(l.items()).isEmpty();
        assertThat(l.problems()).isEmpty();
        assertThat(l.cursor()).isPresent();
    }

    @Test
    void filesDropboxMakesNoThumbnailOfHaveNoPreview() throws Exception {
        fx.put("raw/DSC_0001.NEF", TestImages.jpeg(30));
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.jpeg(31), 0, huge, 0, TestImages.jpeg(31).length);
        fx.put("huge.jpg", huge);
        fx.put("small.jpg", TestImages.jpeg(32));
        Source s = fx.source();
        java.util.Map<String, SourceItem> byName = new java.util.HashMap<>();
        s.list(Optional.empty()).items().forEach(i -> byName.put(i.name(), i));
        assertThat(s.thumbnail(byName.get("DSC_0001.NEF"), 256)).isEmpty();
        assertThat(s.thumbnail(byName.get("huge.jpg"), 256)).isEmpty();
        assertThat(s.thumbnail(byName.get("small.jpg"), 256)).isPresent();
    }

    @Test
    void aMissingScopeNamesThePermissionInsteadOfRefreshing() throws Exception {
        fx.put("a.jpg", TestImages.jpeg(33));
        Source s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        fx.fake.withdrawScope("files.content.read");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.open(item));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("files.content.read").contains("App Console")
                .doesNotContain("needs reconnect");
        assertThat(fx.fake.refreshes()).isZero();
        assertThat(new io.lumasync.auth.TokenStore(fx.secrets).needsReconnect()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unsupported_file/..|{\".tag\":\"unsupported_file\"}|GIVE_UP|does not hand out this kind of file",
            "path/locked/..|{\".tag\":\"path\",\"path\":{\".tag\":\"locked\"}}|RETRY|locked in Dropbox",
            "path/unsupported_content_type/..|{\".tag\":\"path\",\"path\":{\".tag\":\"unsupported_content_type\"}}"
                    + "|GIVE_UP|does not serve files of this type",
            "path/restricted_content/..|{\".tag\":\"path\",\"path\":{\".tag\":\"restricted_content\"}}|GIVE_UP|restricts this file"})
    void downloadErrorsAreSaidPlainly(String summary, String error, ErrorKind kind, String words) throws Exception {
        fx.put("a.jpg", TestImages.jpeg(34));
        Source s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        fx.fake.failDownloads("a.jpg", summary, error);
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.open(item));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains("a.jpg").contains(words);
    }

    @Test
    void thumbnailSizesAreDropboxsFixedOnes() {
        assertThat(DropboxSource.thumbnailSize(200)).isEqualTo("w256h256");
        assertThat(DropboxSource.thumbnailSize(256)).isEqualTo("w256h256");
        assertThat(DropboxSource.thumbnailSize(600)).isEqualTo("w640h480");
        assertThat(DropboxSource.thumbnailSize(5000)).isEqualTo("w2048h1536");
    }

    @Test
    void theContentHashMatchesAnIndependentImplementationAcrossBlockBoundaries() throws Exception {
        for (int size : new int[]{0, 1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 1, 9 * 1024 * 1024}) {
            byte[] b = new byte[size];
            new java.util.Random(size).nextBytes(b);
            ContentDigest d = ContentDigest.dropbox();
            // fed in odd-sized pieces, as a network stream arrives
            for (int off = 0; off < b.length; off += 70_001) {
                d.update(b, off, Math.min(70_001, b.length - off));
            }
            assertThat(d.fingerprintValue()).as("size %d", size).isEqualTo(SourceContract.expectedHash("dropbox:", b));
        }
        // The empty file: SHA-256 over no block hashes at all.
        ContentDigest empty = ContentDigest.dropbox();
        assertThat(empty.hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
