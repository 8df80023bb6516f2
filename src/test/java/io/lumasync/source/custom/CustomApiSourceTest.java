package io.lumasync.source.custom;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.Listing;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Custom API specifics: the next-page rules, "Verify & connect", presets, and where the token may go. */
class CustomApiSourceTest {
    @TempDir
    Path work;
    private CustomApiSourceContractTest.CustomFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new CustomApiSourceContractTest.CustomFixture(work);
        for (int i = 1; i <= 7; i++) {
            fx.api.put("p" + i + ".jpg", TestImages.jpeg(i));
        }
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"link", "field:next_page", "cursor:meta.next_cursor:after", "page:page", "offset:skip"})
    void everyNextPageRuleReadsEveryPageOnce(String rule) throws Exception {
        fx.settings.put("next", rule);
        Listing l = fx.source().list(Optional.empty());
        assertThat(l.items()).extracting(SourceItem::name)
                .containsExactlyInAnyOrder("p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg", "p5.jpg", "p6.jpg", "p7.jpg");
        assertThat(fx.api.requests.stream().filter(r -> r.path().equals("/api/photos")).count()).isEqualTo(3);
        assertThat(l.problems()).isEmpty();
    }

    @Test
    void verifyAndConnectShowsWhatWasMapped() throws Exception {
        CustomApiSource.Verification v = CustomApiSourceType.open(context()).verify();
        assertThat(v.itemsOnFirstPage()).isEqualTo(3);
        assertThat(v.sample()).hasSize(3);
        CustomApiSource.Mapped first = v.sample().getFirst();
        assertThat(first.item().id()).isEqualTo("ph1");
        assertThat(first.item().name()).isEqualTo("p1.jpg");
        assertThat(first.download()).isEqualTo(fx.api.base() + "/files/ph1");
        assertThat(first.thumbnail()).isEqualTo(fx.api.base() + "/thumbs/ph1");
        assertThat(v.nextPage()).contains("page=2");
        assertThat(v.warnings()).isEmpty();

        fx.settings.put("id_field", "uuid");
        CustomApiSource.Verification wrong = CustomApiSourceType.open(context()).verify();
        assertThat(wrong.itemsOnFirstPage()).isZero();
        assertThat(String.join(" ", wrong.warnings())).contains("'uuid'").contains("'urls.full'");
    }

    @Test
    void theTokenIsSentOnlyToTheApisOwnHost() throws Exception {
        // "localhost" is another origin than 127.0.0.1, like a CDN: the download must go there without the token.
        fx.api.downloadHostBase = fx.api.base().replace("127.0.0.1", "localhost");
        var s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        try (InputStream in = s.open(item)) {
            assertThat(in.readAllBytes()).isEqualTo(TestImages.jpeg(1));
        }
        assertThat(fx.api.requests).filteredOn(r -> r.path().startsWith("/cdn/")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isNull());
        assertThat(fx.api.requests).filteredOn(r -> r.path().equals("/api/photos"))
                .allSatisfy(r -> assertThat(r.authorization()).startsWith("Bearer "));
    }

    @Test
    void aTokenInTheUrlNeverAppearsInMessages() throws Exception {
        fx.settings.put("url", fx.api.base() + "/api/photos?key={token}");
        fx.settings.remove("headers");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> fx.source().list(Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).doesNotContain(fx.api.validToken).contains("127.0.0.1");
    }

    @Test
    void aMissingPlaceholderSettingIsNamed() {
        fx.settings.clear();
        fx.settings.put("preset", "unsplash");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> fx.source().list(Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("'username'");
    }

    @Test
    void allTenPresetsLoadAsCompleteMappings() throws Exception {
        assertThat(CustomApiPresets.all()).extracting(CustomApiPresets.Preset::id).containsExactly("unsplash", "pexels",
                "pixabay", "flickr", "cloudinary", "airtable", "notion", "contentful", "sanity", "wordpress");
        for (CustomApiPresets.Preset p : CustomApiPresets.all()) {
            CustomApiMapping m = CustomApiMapping.from(new AdapterConfig("x", CustomApiSourceType.ID, Map.of("preset", p.id())));
            assertThat(m.url()).as(p.id()).startsWith(p.id().equals("wordpress") ? "{site}" : "https://");
            assertThat(m.downloadField()).as(p.id()).isNotBlank();
            assertThat(m.idField()).as(p.id()).isNotBlank();
            assertThat(Set.of("none", "link", "field", "cursor", "page", "offset")).as(p.id()).contains(m.nextKind());
            assertThat(p.help()).as(p.id()).isNotBlank();
        }
    }

    @Test
    void fieldPathsReachIntoArraysAndProtocolRelativeUrlsWork() throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"fields\":{\"Image\":[{\"url\":\"//images.ctfassets.net/a/b/c.jpg\"}]}}");
        assertThat(io.lumasync.http.JsonPaths.text(node, "fields.Image[0].url")).contains("//images.ctfassets.net/a/b/c.jpg");
        ApiRequests r = new ApiRequests(CustomApiMapping.from(new AdapterConfig("x", CustomApiSourceType.ID,
                Map.of("url", "https://cdn.contentful.com/spaces/s/assets"))), new AdapterConfig("x", "custom-api",
                Map.of()), Optional.empty(), Http.newClient(),
                io.lumasync.core.Retrier.DEFAULT);
        assertThat(r.absolute(java.net.URI.create("https://cdn.contentful.com/spaces/s/assets"),
                "//images.ctfassets.net/a/b/c.jpg").toString()).isEqualTo("https://images.ctfassets.net/a/b/c.jpg");
    }

    private AdapterContext context() {
        return new AdapterContext(new AdapterConfig("stock", CustomApiSourceType.ID, new HashMap<>(fx.settings)),
                fx.secrets, Http.newClient(), work.resolve("adapter"));
    }

}
