package io.lumasync.destination.webflow;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ConfigurationException;
import io.lumasync.destination.DestinationTypes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Settings refused when saved; the type is listed in the registry with its token as a secret field. */
class WebflowDestinationTypeTest {
    private static AdapterConfig config(Map<String, String> settings) {
        return new AdapterConfig("site", WebflowDestinationType.ID, settings);
    }

    @Test
    void theSiteIdAndPlainHttpAreCheckedWhenSaved() {
        WebflowDestinationType t = new WebflowDestinationType();
        assertThatCode(() -> t.validate(config(Map.of("site", FakeWebflow.SITE)), Map.of())).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(ConfigurationException.class,
                () -> t.validate(config(Map.of("site", "my site")), Map.of())).getMessage())
                .contains("not a Webflow site ID");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> t.validate(config(Map.of("site", "abc",
                "api_url", "http://api.example.com/v2")), Map.of())).getMessage()).contains("unencrypted");
    }

    @Test
    void bothCmsDestinationsAreRegisteredWithTheirTokenKeptAsASecret() {
        for (String id : new String[]{"webflow", "contentful"}) {
            var type = DestinationTypes.byId(id).orElseThrow();
            assertThat(type.fields()).filteredOn(f -> f.key().equals("token")).singleElement()
                    .satisfies(f -> assertThat(f.isSecret()).isTrue());
        }
    }
}
