package io.lumasync.destination.hubspot;

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
 * The deliberate rename at HubSpot: the Files API's "Update file properties" (PATCH /files/v3/files/{fileId},
 * developers.hubspot.com/docs/api-reference/files-files-v3/files/patch-files-v3-files-fileId) takes a new
 * {@code name}; the file keeps its ID and its address follows the name.
 */
class HubSpotRenameTest {
    private final FakeHubSpot fake = new FakeHubSpot();

    @AfterEach
    void stop() {
        fake.close();
    }

    private HubSpotDestination destination() {
        return HubSpotDestinationContractTest.destination(fake.baseUri(), FakeHubSpot.TOKEN, "/Lumasync");
    }

    @Test
    void theSameFileIsRenamedAndItsAddressFollows() throws Exception {
        HubSpotDestination d = destination();
        assertThat(d.renaming().route()).isEqualTo(Renaming.Route.IN_PLACE);
        try (RenameBench bench = new RenameBench(d, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(d, upload("heron", ImageFormat.JPEG, TestImages.jpeg(1))).remote();
            int writes = fake.writes();

            RenameReport r = bench.rename("heron.raw");

            RemoteRef now = bench.recorded("heron.raw");
            assertThat(now.id()).isEqualTo(old.id());
            assertThat(r.oldUrl()).endsWith("/Lumasync/heron.jpg");
            assertThat(r.newUrl()).isEqualTo(now.url()).endsWith("/Lumasync/shoot-heron.jpg");
            assertThat(fake.fileCount()).isEqualTo(1);
            assertThat(fake.writes() - writes).as("one PATCH, nothing uploaded").isEqualTo(1);
            assertThat(read(d.download(now))).isEqualTo(TestImages.jpeg(1));
        }
    }

    @Test
    void aRenameWhoseAnswerWasLostIsFinishedByTryingAgain() throws Exception {
        HubSpotDestination d = destination();
        try (RenameBench bench = new RenameBench(d, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(d, upload("heron", ImageFormat.JPEG, TestImages.jpeg(1))).remote();
            d.renameInPlace(old, "shoot-heron.jpg"); // done at HubSpot, never recorded: the map still has the old URL

            bench.rename("heron.raw");

            RemoteRef now = bench.recorded("heron.raw");
            assertThat(now.id()).isEqualTo(old.id());
            assertThat(now.url()).endsWith("/Lumasync/shoot-heron.jpg");
            assertThat(fake.fileCount()).isEqualTo(1);
        }
    }

    @Test
    void aNameAnotherFileOfTheFolderHasIsRefusedAndNothingChanges() throws Exception {
        HubSpotDestination d = destination();
        d.put(upload("shoot-heron", ImageFormat.JPEG, TestImages.jpeg(2)));
        try (RenameBench bench = new RenameBench(d, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(d, upload("heron", ImageFormat.JPEG, TestImages.jpeg(1))).remote();

            LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> bench.rename("heron.raw"));

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("already exists");
            assertThat(bench.recorded("heron.raw")).isEqualTo(old);
            assertThat(read(d.download(old))).isEqualTo(TestImages.jpeg(1));
        }
    }
}
