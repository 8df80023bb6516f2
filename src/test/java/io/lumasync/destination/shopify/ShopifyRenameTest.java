package io.lumasync.destination.shopify;

import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Renaming;
import io.lumasync.sync.RenameBench;
import io.lumasync.sync.RenameReport;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.lumasync.destination.TestUploads.read;
import static io.lumasync.destination.TestUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The deliberate rename at Shopify: fileUpdate's {@code filename} renames the same file (shopify.dev changelog
 * "Allows updating the filename of a file in the fileUpdate mutation", API 2023-07; FilesErrorCode
 * FILENAME_ALREADY_EXISTS and INVALID_FILENAME_EXTENSION), so products and pages keep the file and only its address
 * changes.
 */
class ShopifyRenameTest {
    private final FakeShopify fake = new FakeShopify(2);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theSameFileIsRenamedItsIdAndTextStayAndItsAddressFollowsTheName() throws Exception {
        ShopifyDestination d = ShopifyDestinationContractTest.destination(fake.baseUri(), FakeShopify.TOKEN);
        assertThat(d.renaming().route()).isEqualTo(Renaming.Route.IN_PLACE);
        try (RenameBench bench = new RenameBench(d, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(d, upload("heron", ImageFormat.PNG, TestImages.png(1))).remote();
            int writes = fake.writes();

            RenameReport r = bench.rename("heron.raw");

            RemoteRef now = bench.recorded("heron.raw");
            assertThat(now.id()).isEqualTo(old.id());
            assertThat(r.oldUrl()).contains("/cdn/shop/files/heron.png");
            assertThat(r.newUrl()).isEqualTo(now.url()).contains("/cdn/shop/files/shoot-heron.png");
            assertThat(fake.fileCount()).isEqualTo(1);
            assertThat(fake.file(now.id()).alt).isEqualTo("A heron");
            assertThat(read(d.download(now))).isEqualTo(TestImages.png(1));
            assertThat(fake.writes() - writes).as("one fileUpdate, no upload").isEqualTo(1);
        }
    }

    @Test
    void aRenameWhoseAnswerWasLostIsFinishedByTryingAgain() throws Exception {
        ShopifyDestination d = ShopifyDestinationContractTest.destination(fake.baseUri(), FakeShopify.TOKEN);
        try (RenameBench bench = new RenameBench(d, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(d, upload("heron", ImageFormat.PNG, TestImages.png(1))).remote();
            d.renameInPlace(old, "shoot-heron.png"); // done at Shopify, never recorded: the map still has the old URL

            bench.rename("heron.raw");

            RemoteRef now = bench.recorded("heron.raw");
            assertThat(now.id()).isEqualTo(old.id());
            assertThat(now.url()).contains("/cdn/shop/files/shoot-heron.png");
            assertThat(fake.idsByName()).containsOnlyKeys("shoot-heron.png");
        }
    }

    @Test
    void aNameAnotherFileOfTheStoreHasGetsANumber() throws Exception {
        ShopifyDestination d = ShopifyDestinationContractTest.destination(fake.baseUri(), FakeShopify.TOKEN);
        d.put(upload("shoot-heron", ImageFormat.PNG, TestImages.png(2)));
        try (RenameBench bench = new RenameBench(d, "{source}-{original}.{ext}")) {
            bench.publish(d, upload("heron", ImageFormat.PNG, TestImages.png(1)));

            bench.rename("heron.raw");

            assertThat(bench.recorded("heron.raw").url()).contains("/cdn/shop/files/shoot-heron-2.png");
            assertThat(fake.idsByName()).containsKeys("shoot-heron.png", "shoot-heron-2.png").hasSize(2);
        }
    }

    @Test
    void anotherExtensionIsRefusedInShopifysWords() throws Exception {
        ShopifyDestination d = ShopifyDestinationContractTest.destination(fake.baseUri(), FakeShopify.TOKEN);
        RemoteRef ref = d.put(upload("heron", ImageFormat.PNG, TestImages.png(1)));

        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> d.renameInPlace(ref, "heron.jpg"));

        assertThat(e.getMessage()).contains("refused to rename").contains("INVALID_FILENAME_EXTENSION");
        assertThat(fake.file(ref.id()).name).isEqualTo("heron.png");
    }
}
