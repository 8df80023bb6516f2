package io.lumasync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationListTest {

    @Test
    void everyMigrationHasItsOwnIncreasingVersionAndIsShipped() {
        Set<Integer> seen = new HashSet<>();
        int previous = 0;
        for (String file : Database.MIGRATIONS) {
            int v = Database.version(file);
            assertThat(seen.add(v)).as("version %d used twice", v).isTrue();
            assertThat(v).as("%s comes after version %d", file, previous).isGreaterThan(previous);
            previous = v;
            assertThat(Database.class.getResource(file)).as(file).isNotNull();
        }
        assertThat(Database.latest()).isEqualTo(previous);
    }

    @Test
    void aFileNameWithoutAVersionIsRefused() {
        assertThat(Database.version("V12__a_b.sql")).isEqualTo(12);
        assertThatThrownBy(() -> Database.version("initial.sql")).isInstanceOf(IllegalArgumentException.class);
    }
}
