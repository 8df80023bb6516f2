package io.lumasync.destination.wordpress;

import io.lumasync.core.ConfigField;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.DestinationTypes;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WordPressDestinationTypeTest {

    @Test
    void isRegisteredWithTheFieldsTheCliAndTheFormsUse() {
        var type = DestinationTypes.byId("wordpress").orElseThrow();
        assertThat(type.fields()).extracting(ConfigField::key)
                .containsExactly("url", "user", "password", "allow_plain_http");
        assertThat(type.fields()).filteredOn(ConfigField::isSecret).extracting(ConfigField::key)
                .as("only the password goes to the keychain").containsExactly("password");
        assertThat(type.fields()).filteredOn(ConfigField::required).extracting(ConfigField::key)
                .containsExactly("url", "user", "password");
        assertThat(type.fields()).filteredOn(f -> f.key().equals("allow_plain_http")).singleElement()
                .satisfies(f -> assertThat(f.defaultValue()).as("off unless the user turns it on").isEqualTo("false"));
    }

    @Test
    void readsTheAddressAsTyped() throws Exception {
        assertThat(WordPressDestinationType.siteUri("example.com")).isEqualTo(URI.create("https://example.com"));
        assertThat(WordPressDestinationType.siteUri(" https://example.com/blog/ ")).isEqualTo(URI.create("https://example.com/blog"));
        assertThat(WordPressDestinationType.siteUri("HTTP://127.0.0.1:8080/")).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(WordPressDestinationType.siteUri("https://example.com/?page=1#top")).isEqualTo(URI.create("https://example.com"));
    }

    @Test
    void refusesWhatIsNotAWebAddress() {
        for (String bad : new String[]{"ftp://example.com", "https://", "not a url at all"}) {
            LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> WordPressDestinationType.siteUri(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("is not a web address");
        }
    }
}
