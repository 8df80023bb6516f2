package io.lumasync.destination.contentful;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Settings refused when saved, and the upload host found from the API address (EU data region included). */
class ContentfulDestinationTypeTest {
    private static AdapterConfig config(Map<String, String> settings) {
        return new AdapterConfig("cms", ContentfulDestinationType.ID, settings);
    }

    @Test
    void idsLocalesAndPlainHttpAreCheckedWhenSaved() {
        ContentfulDestinationType t = new ContentfulDestinationType();
        assertThatCode(() -> t.validate(config(Map.of("space", "abc123")), Map.of())).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(ConfigurationException.class,
                () -> t.validate(config(Map.of("space", "abc/../x")), Map.of())).getMessage())
                .contains("not a Contentful space ID");
        assertThat(catchThrowableOfType(ConfigurationException.class,
                () -> t.validate(config(Map.of("space", "abc", "locale", "english please")), Map.of())).getMessage())
                .contains("not a locale code");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> t.validate(config(Map.of("space", "abc",
                "api_url", "http://cms.example.com")), Map.of())).getMessage()).contains("unencrypted");
    }

    @Test
    void uploadsGoToTheUploadHostOfTheSameRegion() throws Exception {
        assertThat(ContentfulDestinationType.uploadUri(ContentfulDestinationType.apiUri(config(Map.of("space", "a")))))
                .isEqualTo(URI.create("https://upload.contentful.com"));
        assertThat(ContentfulDestinationType.uploadUri(ContentfulDestinationType.apiUri(config(Map.of("space", "a",
                "api_url", "https://api.eu.contentful.com/"))))).isEqualTo(URI.create("https://upload.eu.contentful.com"));
        assertThat(ContentfulDestinationType.uploadUri(URI.create("http://127.0.0.1:8080")))
                .as("a test server takes both").isEqualTo(URI.create("http://127.0.0.1:8080"));
    }
}
