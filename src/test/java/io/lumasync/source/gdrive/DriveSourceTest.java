package io.lumasync.source.gdrive;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Listing;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest
    @CsvSource({
            "403, userRateLimitExceeded, RETRY, slow down",
            "403, rateLimitExceeded, RETRY, slow down",
            "429, rateLimitExceeded, RETRY, slow down",
            "403, dailyLimitExceeded, RETRY, daily number of requests",
            "403, domainPolicy, UNAVAILABLE, administrator",
            "403, storageQuotaExceeded, UNAVAILABLE, storage is full",
            "403, insufficientPermissions, REAUTH, Sign in again",
            "403, teamDriveMembershipRequired, UNAVAILABLE, not a member of the shared drive"})
    void eachDocumented403ReasonHasItsOwnClassAndWords(int status, String reason, ErrorKind kind, String words) {
        fx.fake.put("a.jpg", TestImages.jpeg(7));
        fx.fake.refuseNext(status, reason, "Drive says " + reason);
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> fx.source().list(Optional.empty()));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(words).doesNotContain("Check that the account may upload files");
    }

    @ParameterizedTest
    @CsvSource({
            "insufficientFilePermissions, GIVE_UP, no permission to read a.jpg",
            "cannotDownloadFile, GIVE_UP, turned off downloading",
            "downloadQuotaExceeded, RETRY, downloaded too often",
            "appNotAuthorizedToFile, GIVE_UP, not opened with or shared to"})
    void aDownloadRefusedForOneFileNamesIt(String reason, ErrorKind kind, String words) throws Exception {
        fx.fake.put("a.jpg", TestImages.jpeg(7));
        Source s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        fx.fake.refuseNext(403, reason, "Drive says " + reason);
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.open(item));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(words);
    }

    @Test
    void aFileGoogleFlaggedAsAbuseIsSkippedWithoutAcknowledgingTheRisk() throws Exception {
        fx.fake.put("a.jpg", TestImages.jpeg(7));
        fx.fake.flagAbusive("a.jpg");
        Source s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> s.open(item));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("a.jpg").contains("malware or spam");
        assertThat(fx.fake.wireMock().findAll(getRequestedFor(urlPathEqualTo("/drive/v3/files/" + item.id()))))
                .noneSatisfy(r -> assertThat(r.getUrl()).contains("acknowledgeAbuse"));
    }

    @Test
    void aPageTokenDriveDoesNotKnowMeansOneFullListing() throws Exception {
        fx.fake.put("a.jpg", TestImages.jpeg(7));
        fx.source().list(Optional.empty());
        Listing again = fx.source().list(Optional.of("not-a-token"));
        assertThat(again.complete()).isTrue();
        assertThat(again.items()).extracting(SourceItem::name).containsExactly("a.jpg");
    }

    @Test
    void thumbnailsComeFromTheLinksOwnHostWithTheUsersToken() throws Exception {
        fx.fake.put("a.jpg", TestImages.jpeg(7));
        Source s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        assertThat(s.thumbnail(item, 256)).hasValueSatisfying(b -> assertThat(b).isEqualTo(TestImages.jpeg(98)));
        assertThat(fx.fake.thumbnails.sawCredentials).containsValue(true).hasSize(1);
        assertThat(fx.fake.thumbnails.sawCredentials.keySet().iterator().next()).endsWith("=s256");
    }

    @Test
    void anExpiredThumbnailLinkIsNoPreviewAndNoSignInTrouble() throws Exception {
        fx.fake.put("a.jpg", TestImages.jpeg(7));
        Source s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        fx.fake.thumbnails.expireAfterHandingOut();
        assertThat(s.thumbnail(item, 256)).isEmpty();
        assertThat(fx.fake.thumbnails.requests.get()).isEqualTo(1);
        assertThat(fx.fake.refreshes()).isZero();
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
