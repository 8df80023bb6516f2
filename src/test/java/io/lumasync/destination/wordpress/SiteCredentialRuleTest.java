package io.lumasync.destination.wordpress;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SiteCredentialRuleTest {
    private static final String PASSWORD = "abcd efgh ijkl mnop qrst uvwx";

    @Test
    void theSiteIsTheSameSchemeHostAndPort() {
        SiteCredentialRule rule = new SiteCredentialRule(URI.create("https://example.com/blog"), false);
        assertThat(rule.sameOrigin(URI.create("https://EXAMPLE.com/wp-content/uploads/a.jpg"))).isTrue();
        assertThat(rule.sameOrigin(URI.create("https://example.com:443/a.jpg"))).as("default port").isTrue();
        assertThat(rule.sameOrigin(URI.create("http://example.com/a.jpg"))).as("scheme").isFalse();
        assertThat(rule.sameOrigin(URI.create("https://example.com:8443/a.jpg"))).as("port").isFalse();
        assertThat(rule.sameOrigin(URI.create("https://cdn.example.com/a.jpg"))).as("host").isFalse();
        assertThat(rule.sameOrigin(URI.create("https://example.com.evil.test/a.jpg"))).isFalse();
    }

    @Test
    void loopbackIsReadFromTheAddressAsWrittenNeverResolved() {
        assertThat(SiteCredentialRule.isLoopback("127.0.0.1")).isTrue();
        assertThat(SiteCredentialRule.isLoopback("127.8.9.10")).isTrue();
        assertThat(SiteCredentialRule.isLoopback("[::1]")).isTrue();
        assertThat(SiteCredentialRule.isLoopback("LocalHost")).isTrue();
        assertThat(SiteCredentialRule.isLoopback("192.168.1.20")).isFalse();
        assertThat(SiteCredentialRule.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(SiteCredentialRule.isLoopback("localhost.example.com")).isFalse();
        assertThat(SiteCredentialRule.isLoopback("photos.example.com")).isFalse();
    }

    @Test
    void thePasswordNeverGoesOverPlainHttpToAnotherMachineUnlessTheUserAllowsIt() {
        URI lan = URI.create("http://photos.example.invalid");
        LumasyncException refused = catchThrowableOfType(LumasyncException.class,
                () -> new WordPressApi(Http.newClient(), lan, "ann", PASSWORD).me());
        assertThat(refused.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(refused.getMessage()).contains("over plain http").contains("https://")
                .contains("Allow plain http").doesNotContain("abcd");

        LumasyncException allowed = catchThrowableOfType(LumasyncException.class,
                () -> new WordPressApi(Http.newClient(), lan, "ann", PASSWORD, true).me());
        assertThat(allowed).as("the request is made: this name does not resolve").isNotNull();
        assertThat(allowed.getMessage()).doesNotContain("plain http");
    }

    @Test
    void aDownloadSignsInOnlyOnTheSiteItself() throws Exception {
        try (StandInSite site = StandInSite.start(); StandInSite elsewhere = StandInSite.start()) {
            WordPressApi api = new WordPressApi(Http.newClient(), site.uri(), "ann", PASSWORD);

            api.download(site.uri() + "/wp-content/uploads/a.jpg");
            api.download(elsewhere.uri() + "/wp-content/uploads/a.jpg");
            api.download(site.uri().toString().replace("127.0.0.1", "localhost") + "/wp-content/uploads/b.jpg");

            assertThat(site.seen()).extracting(StandInSite.Seen::path)
                    .containsExactly("/wp-content/uploads/a.jpg", "/wp-content/uploads/b.jpg");
            assertThat(site.seen().get(0).authorization()).as("same scheme, host and port").isPresent();
            assertThat(site.seen().get(1).authorization()).as("another host name for the same machine").isEmpty();
            assertThat(elsewhere.seen()).singleElement()
                    .satisfies(s -> assertThat(s.authorization()).as("same host, another port").isEmpty());
        }
    }

    @Test
    void aDownloadAddressThatIsNotAWebAddressIsRefusedInWords() {
        WordPressApi api = new WordPressApi(Http.newClient(), URI.create("https://example.com"), "ann", PASSWORD);
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> api.download("file:///etc/passwd"));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("not a web address");
    }
}
