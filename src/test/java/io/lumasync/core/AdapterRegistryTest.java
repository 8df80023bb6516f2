package io.lumasync.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdapterRegistryTest {
    /** A kind with nothing but a name, enough for the registry, which never creates adapters. */
    private record Kind(String id) implements AdapterType<String> {
        @Override
        public String displayName() {
            return id.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public List<ConfigField> fields() {
            return List.of();
        }

        @Override
        public AuthKind authKind() {
            return AuthKind.NONE;
        }

        @Override
        public String create(AdapterContext context) {
            return id;
        }
    }

    private final AdapterRegistry<Kind> registry =
            new AdapterRegistry<>("destination", List.of(new Kind("folder"), new Kind("s3")));

    @Test
    void findsAKindByIdAndKeepsTheOrderTheDoorsOfferThem() throws Exception {
        assertThat(registry.ids()).containsExactly("folder", "s3");
        assertThat(registry.byId("s3")).contains(new Kind("s3"));
        assertThat(registry.byId("ftp")).isEmpty();
        assertThat(registry.require("folder")).isEqualTo(new Kind("folder"));
    }

    @Test
    void aMistypedKindIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> registry.require("ftp"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown destination type 'ftp'. Known: folder, s3");
    }

    @Test
    void twoKindsCannotShareAnId() {
        assertThatThrownBy(() -> new AdapterRegistry<>("source", List.of(new Kind("folder"), new Kind("folder"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'folder'");
    }
}
