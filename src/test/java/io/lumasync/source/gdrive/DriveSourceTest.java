package io.lumasync.source.gdrive;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Listing;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Drive specifics beyond the contract (Drive API v3 reference pages named in {@link FakeDrive}). */
class DriveSourceTest {
    @TempDir
    Path work;
    private DriveSourceContractTest.DriveFixture fx;

    @BeforeEach
    void start() {
        fx = new DriveSourceContractTest.DriveFixture(work);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void googleDocsTypesAreSkippedAndHashesAreMd5() throws Exception {
        fx.fake.put("a.jpg", TestImages.jpeg(1));
        fx.fake.put("Shot list", new byte[]{1, 2, 3}, "application/vnd.google-apps.document");
        fx.fake.put("Budget.png", new byte[]{1}, "application/vnd.google-apps.spreadsheet");
        Listing l = fx.source().list(Optional.empty());
        assertThat(l.items()).extracting(SourceItem::name).containsExactly("a.jpg");
        assertThat(l.items().getFirst().fingerprint().contentHash()).startsWith("md5:").hasSize(4 + 32);
    }

    @Test
    void everyCallAsksForSharedDrivesAndTheFieldsItNeeds() throws Exception {
        fx.extra.put("drive_id", "0ASharedDriveX");
        fx.fake.put("a.jpg", TestImages.jpeg(2));
        Listing l = fx.source().list(Optional.empty());
        fx.source().list(l.cursor());
        List<LoggedRequest> lists = fx.fake.wireMock().findAll(getRequestedFor(urlPathEqualTo("/drive/v3/files")));
        assertThat(lists).isNotEmpty().allSatisfy(r -> {
            assertThat(r.queryParameter("supportsAllDrives").firstValue()).isEqualTo("true");
            assertThat(r.queryParameter("includeItemsFromAllDrives").firstValue()).isEqualTo("true");
            assertThat(r.queryParameter("corpora").firstValue()).isEqualTo("drive");
            assertThat(r.queryParameter("driveId").firstValue()).isEqualTo("0ASharedDriveX");
            assertThat(r.queryParameter("fields").firstValue()).contains("md5Checksum").contains("nextPageToken");
        });
        LoggedRequest changes = fx.fake.wireMock().findAll(getRequestedFor(urlPathEqualTo("/drive/v3/changes"))).getFirst();
        assertThat(changes.queryParameter("driveId").firstValue()).isEqualTo("0ASharedDriveX");
        assertThat(changes.queryParameter("pageToken").firstValue()).isEqualTo(l.cursor().orElseThrow());
        assertThat(fx.fake.wireMock().findAll(getRequestedFor(urlPathEqualTo("/drive/v3/changes/startPageToken"))))
                .hasSize(1);
    }

    @Test
    void aTrashedFileOrFolderIsReportedRemoved() throws Exception {
        fx.fake.put("keep.jpg", TestImages.jpeg(3));
        fx.fake.put("old.jpg", TestImages.jpeg(4));
        fx.fake.put("album/x.jpg", TestImages.jpeg(5));
        fx.fake.put("album/deeper/y.jpg", TestImages.jpeg(6));
        Listing first = fx.source().list(Optional.empty());
        fx.fake.trash("old.jpg");
        fx.fake.trash("album");
        Listing delta = fx.source().list(first.cursor());
        assertThat(delta.removed()).containsExactlyInAnyOrderElementsOf(first.items().stream()
                .filter(i -> !i.name().equals("keep.jpg")).map(SourceItem::id).toList());
        assertThat(delta.items()).isEmpty();
    }

    @Test
    void a403UserRateLimitIsRetryNotAccessDenied() throws Exception {
        fx.fake.put("a.jpg", TestImages.jpeg(7));
        fx.fake.userRateLimitNext = true;
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> fx.source().list(Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(e.getMessage()).contains("slow down");
    }

    @Test
    void aNewSubfolderIsFollowedByTheChangesFeed() throws Exception {
        fx.fake.put("a.jpg", TestImages.jpeg(8));
        Listing first = fx.source().list(Optional.empty());
        fx.fake.put("new album/b.jpg", TestImages.jpeg(9));
        Listing delta = fx.source().list(first.cursor());
        assertThat(delta.items()).singleElement().satisfies(i -> assertThat(i.folder()).isEqualTo("new album"));
    }
}
