package io.lumasync.source.figma;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Figma's own promises: per-frame change detection, batched renders, a null render failing alone. */
class FigmaSourceTest {
    private static final String FILE = FigmaSourceContractTest.FILE;

    @TempDir
    Path dir;
    private FigmaSourceContractTest.FigmaFixture fx;
    private FakeFigma fake;

    @BeforeEach
    void setUp() {
        fx = new FigmaSourceContractTest.FigmaFixture(dir);
        fake = fx.fake;
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Source source() throws LumasyncException {
        return fx.sourceAt(fake.baseUri(), SourceContract.NO_RETRY);
    }

    private static SourceItem named(Listing l, String name) {
        return l.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void editingOneFrameMovesOnlyItsFingerprintThoughTheFileVersionMovedForAll() throws Exception {
        fake.put(FILE, "Web", "Hero", TestImages.png(1));
        fake.put(FILE, "Web", "Footer", TestImages.png(2));
        Listing before = source().list(Optional.empty());
        fake.put(FILE, "Web", "Hero", TestImages.png(3));
        Listing after = source().list(Optional.empty());
        assertThat(named(after, "Hero.png").fingerprint().modifiedMs())
                .isGreaterThan(named(before, "Hero.png").fingerprint().modifiedMs());
        assertThat(named(after, "Footer.png").fingerprint().modifiedMs())
                .as("lastModified is the file's, so it moves for every frame")
                .isGreaterThan(named(before, "Footer.png").fingerprint().modifiedMs());
        assertThat(named(after, "Footer.png").fingerprint().sameContentAs(named(before, "Footer.png").fingerprint()))
                .isTrue();
        assertThat(named(after, "Hero.png").fingerprint().sameContentAs(named(before, "Hero.png").fingerprint()))
                .isFalse();
        assertThat(named(after, "Hero.png").folder()).isEqualTo("Brand " + FILE + "/Web");
    }

    @Test
    void anUnchangedFileCostsOneRequestAndNoNodeTrees() throws Exception {
        fake.put(FILE, "Web", "Hero", TestImages.png(4));
        Source s = source();
        s.list(Optional.empty());
        assertThat(fake.nodeCalls.get()).isEqualTo(1);
        int files = fake.fileCalls.get();
        Listing again = s.list(Optional.empty());
        assertThat(again.items()).hasSize(1);
        assertThat(fake.fileCalls.get()).isEqualTo(files + 1);
        assertThat(fake.nodeCalls.get()).as("the version did not move: hashes reused").isEqualTo(1);
    }

    @Test
    void aFrameFigmaCannotRenderFailsAloneAndTheOthersRenderInOneBatch() throws Exception {
        fake.put(FILE, "Web", "Hero", TestImages.png(5));
        fake.put(FILE, "Web", "Broken", TestImages.png(6));
        fake.put(FILE, "Web", "Footer", TestImages.png(7));
        fake.unrenderable.add("Broken");
        Source s = source();
        Listing l = s.list(Optional.empty());
        try (InputStream in = s.open(named(l, "Hero.png"))) {
            assertThat(in.readAllBytes()).isEqualTo(TestImages.png(5));
        }
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.open(named(l, "Broken.png")));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("Broken").contains("could not be rendered");
        try (InputStream in = s.open(named(l, "Footer.png"))) {
            assertThat(in.readAllBytes()).isEqualTo(TestImages.png(7));
        }
        assertThat(fake.imageCalls.get()).as("one render request for the file's frames").isEqualTo(1);
    }

    @Test
    void aFileThatCannotBeReadIsNamedAndItsFramesAreNotDeleted() throws Exception {
        fake.put(FILE, "Web", "Hero", TestImages.png(8));
        fake.put("OtherFile999", "Print", "Poster", TestImages.png(9));
        fx.extra.put("files", FILE + ", OtherFile999");
        Listing first = source().list(Optional.empty());
        assertThat(first.items()).hasSize(2);
        fake.files.remove("OtherFile999");
        fake.remove(FILE, "Hero");
        fake.put(FILE, "Web", "New", TestImages.png(10));
        Listing l = source().list(Optional.empty());
        assertThat(l.complete()).isFalse();
        assertThat(l.items()).extracting(SourceItem::name).containsExactly("New.png");
        assertThat(l.removed()).containsExactly(named(first, "Hero.png").id());
        assertThat(l.problems()).singleElement().asString().contains("OtherFile999").contains("not found");
    }

    @Test
    void theRenderSettingsArePartOfEachFramesFingerprint() throws Exception {
        fake.put(FILE, "Web", "Hero", TestImages.png(11));
        Listing png = source().list(Optional.empty());
        fx.extra.put("scale", "1");
        Listing smaller = source().list(Optional.empty());
        assertThat(smaller.items().getFirst().fingerprint().sameContentAs(png.items().getFirst().fingerprint())).isFalse();
        fx.extra.put("format", "jpg");
        assertThat(source().list(Optional.empty()).items().getFirst().name()).isEqualTo("Hero.jpg");
    }

    @Test
    void filesAreTakenFromLinksOrKeysAndAnythingElseIsRefused() throws Exception {
        AdapterConfig ok = new AdapterConfig("f", FigmaSourceType.ID, Map.of("files",
                "https://www.figma.com/file/AbCdEf123/Old-link, https://www.figma.com/design/XyZ987654/New?node-id=1-2 "
                        + "PlainKey42x AbCdEf123"));
        assertThat(FigmaSourceType.fileKeys(ok)).containsExactly("AbCdEf123", "XyZ987654", "PlainKey42x");
        AdapterConfig bad = new AdapterConfig("f", FigmaSourceType.ID, Map.of("files", "https://example.com/x"));
        assertThatThrownBy(() -> new FigmaSourceType().validate(bad, Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("neither a Figma file link");
    }
}
