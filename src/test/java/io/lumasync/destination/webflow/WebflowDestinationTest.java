package io.lumasync.destination.webflow;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;
import io.lumasync.http.Http;
import io.lumasync.http.RateBudget;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Webflow's own rules beyond the contract: the new-asset replace that re-points CMS items, limits, errors. */
class WebflowDestinationTest {
    private FakeWebflow fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeWebflow("tok");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private WebflowDestination dest(String site, String collections, boolean publish) {
        return new WebflowDestination(new WebflowApi(Http.newClient(), fake.api(), site, "tok", RateBudget.UNLIMITED,
                false), collections, publish);
    }

    private static Upload upload(String name, byte[] bytes) {
        return new Upload(TestImages.encoded(name, ImageFormat.PNG, bytes), new AssetMetadata("A heron", "Heron", "", ""),
                "sync-" + name, "src", name, "");
    }

    private static Map<String, String> fields(String... slugAndType) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < slugAndType.length; i += 2) {
            m.put(slugAndType[i], slugAndType[i + 1]);
        }
        return m;
    }

    @Test
    void putCreatesTheAssetSendsTheFormWithoutTheTokenAndSetsTheAltText() throws Exception {
        WebflowDestination d = dest(FakeWebflow.SITE, "", false);
        RemoteRef ref = d.put(upload("heron", TestImages.png(1)));
        assertThat(fake.writes()).containsExactly("POST /sites/" + FakeWebflow.SITE + "/assets", "POST /s3",
                "PATCH /assets/" + ref.id());
        assertThat(d.download(ref).readAllBytes()).isEqualTo(TestImages.png(1));
        assertThat(d.metadata(ref)).contains(new AssetMetadata("A heron", "Heron", "", ""));
    }

    @Test
    void replacePointsEveryCmsItemThatShowedTheOldAssetAtTheNewOneThenDeletesTheOld() throws Exception {
        WebflowDestination d = dest(FakeWebflow.SITE, "", true);
        RemoteRef old = d.put(upload("egret", TestImages.png(2)));
        RemoteRef other = d.put(upload("ibis", TestImages.png(3)));
        String posts = fake.addCollection("blog-posts", fields("hero", "Image", "gallery", "MultiImage", "title", "PlainText"));
        String team = fake.addCollection("team", fields("photo", "Image"));
        String post = fake.addItem(posts, "Egret post", "hero", old.id());
        String gallery = fake.addItem(posts, "Gallery post", "gallery", other.id(), old.id());
        String unrelated = fake.addItem(team, "Ibis person", "photo", other.id());

        RemoteRef fresh = d.replace(old, upload("egret", TestImages.png(4)));

        assertThat(fresh.id()).isNotEqualTo(old.id());
        assertThat(fresh.url()).isNotEqualTo(old.url());
        assertThat(fake.item(posts, post).path("fieldData").path("hero").path("fileId").asText()).isEqualTo(fresh.id());
        assertThat(fake.item(posts, post).path("fieldData").path("hero").path("alt").asText())
                .as("the item's own alt text is kept").isEqualTo("alt of Egret post");
        assertThat(fake.item(posts, gallery).path("fieldData").path("gallery").findValuesAsText("fileId"))
                .containsExactly(other.id(), fresh.id());
        assertThat(fake.item(team, unrelated).path("fieldData").path("photo").path("fileId").asText()).isEqualTo(other.id());
        assertThat(fake.publishedItems()).containsExactlyInAnyOrder(post, gallery);
        assertThat(fake.assets()).containsKeys(fresh.id(), other.id()).doesNotContainKey(old.id());
        assertThat(d.download(fresh).readAllBytes()).isEqualTo(TestImages.png(4));
    }

    @Test
    void onlyTheChosenCollectionsAndFieldsAreRepointedAndNothingIsPublishedUnlessAsked() throws Exception {
        WebflowDestination d = dest(FakeWebflow.SITE, "Team:photo", false);
        RemoteRef old = d.put(upload("crane", TestImages.png(5)));
        String posts = fake.addCollection("blog-posts", fields("hero", "Image"));
        String team = fake.addCollection("team", fields("photo", "Image", "badge", "Image"));
        String post = fake.addItem(posts, "Crane post", "hero", old.id());
        String person = fake.addItem(team, "Crane person", "photo", old.id());

        RemoteRef fresh = d.replace(old, upload("crane", TestImages.png(6)));

        assertThat(fake.item(team, person).path("fieldData").path("photo").path("fileId").asText()).isEqualTo(fresh.id());
        assertThat(fake.item(posts, post).path("fieldData").path("hero").path("fileId").asText())
                .as("a collection not chosen is left alone").isEqualTo(old.id());
        assertThat(fake.publishedItems()).isEmpty();
    }

    @Test
    void aReplaceCutOffAfterTheUploadReusesTheNewAssetWhenTriedAgain() throws Exception {
        WebflowDestination d = dest(FakeWebflow.SITE, "", false);
        RemoteRef old = d.put(upload("stork", TestImages.png(7)));
        RemoteRef fresh = d.put(upload("stork", TestImages.png(8))); // as a first attempt that then failed
        RemoteRef again = d.replace(old, upload("stork", TestImages.png(8)));
        assertThat(again.id()).isEqualTo(fresh.id());
        assertThat(fake.assetCount()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsCarriesWebflowsRetryAfter() {
        fake.rateLimitNext(1);
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> dest(FakeWebflow.SITE, "", false).put(upload("ibis", TestImages.png(9))));
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void anImageOverFourMegabytesIsRefusedInPlainWordsBeforeSending() {
        byte[] big = Arrays.copyOf(TestImages.png(10), (int) WebflowDestination.MAX_IMAGE_BYTES + 1);
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> dest(FakeWebflow.SITE, "", false).put(upload("big", big)));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("too large for Webflow").contains("4 MB");
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void aWrongSiteIsNamedAndARevokedTokenAsksToReconnect() {
        LumasyncException site = catchThrowableOfType(LumasyncException.class,
                () -> dest("000000000000000000000000", "", false).capabilities());
        assertThat(site.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(site.getMessage()).contains("was not found").contains("site ID");
        WebflowDestination revoked = new WebflowDestination(new WebflowApi(Http.newClient(), fake.api(), FakeWebflow.SITE,
                "old", RateBudget.UNLIMITED, false), "", false);
        LumasyncException auth = catchThrowableOfType(LumasyncException.class, revoked::capabilities);
        assertThat(auth.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(auth.getMessage()).contains("reconnect");
    }

    @Test
    void aTokenWithoutAScopeSaysWhichAndAsksToReconnect() {
        fake.missingScopeNext("assets:write");
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> dest(FakeWebflow.SITE, "", false).put(upload("kite", TestImages.png(11))));
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("assets:write").contains("reconnect");
    }

    @Test
    void theCollectionsSettingIsReadCaseInsensitivelyWithOptionalFields() {
        assertThat(CmsRepointer.parse(" Blog-Posts , team:Photo, team:badge,, "))
                .containsOnlyKeys("blog-posts", "team")
                .hasEntrySatisfying("blog-posts", f -> assertThat(f).isEmpty())
                .hasEntrySatisfying("team", f -> assertThat(f).containsExactlyInAnyOrder("photo", "badge"));
    }
}
