package io.lumasync;

import io.lumasync.core.AdapterRegistry;
import io.lumasync.core.AdapterType;
import io.lumasync.core.ConfigField;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.source.SourceTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the doors assume of every registered kind of source and destination, so a new adapter's descriptor is held
 * to it by adding its registry line: an id a user can type, words for the forms, and one field per key.
 */
class AdapterTypesTest {

    @Test
    void everyKindCanBeTypedAndShownInAForm() {
        for (AdapterRegistry<?> registry : List.of(DestinationTypes.registry(), SourceTypes.registry())) {
            assertThat(registry.all()).as(registry.family() + " types").isNotEmpty();
            for (AdapterType<?> t : registry.all()) {
                assertThat(t.id()).as("id of %s", t.displayName()).matches("[a-z][a-z0-9-]*");
                assertThat(t.displayName()).as("name of %s", t.id()).isNotBlank();
                assertThat(t.description()).as("description of %s", t.id()).isNotBlank();
                assertThat(t.authKind()).as("auth kind of %s", t.id()).isNotNull();
                List<String> keys = t.fields().stream().map(ConfigField::key).toList();
                assertThat(keys).as("field keys of %s", t.id()).doesNotHaveDuplicates();
                assertThat(t.fields()).as("field labels of %s", t.id()).allSatisfy(f -> assertThat(f.label()).isNotBlank());
            }
        }
    }
}
