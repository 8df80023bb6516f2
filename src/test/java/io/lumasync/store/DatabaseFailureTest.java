package io.lumasync.store;

import io.lumasync.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A failing database reaches the engine as one kind of error, already in words the user can read. */
class DatabaseFailureTest {
    @TempDir
    Path dir;

    @Test
    void aQueryOnAFailedDatabaseSaysSoInPlainWords() throws Exception {
        Database db = Database.inMemory();
        ConfigStore config = new ConfigStore(db);
        config.setSetting("theme", "dark");
        db.close();

        StoreException e = assertThrows(StoreException.class, () -> config.setting("theme"));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("Lumasync's database could not be read: ");
        assertThat(e.detail()).isNotBlank().isEqualTo(e.getCause().getMessage());
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() throws Exception {
        try (Database db = Database.inMemory()) {
            ConfigStore config = new ConfigStore(db);
            assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                try (var p = c.prepareStatement("INSERT INTO settings (key, value) VALUES ('half', 'written')")) {
                    p.executeUpdate();
                }
                try (var p = c.prepareStatement("INSERT INTO no_such_table VALUES (1)")) {
                    return p.executeUpdate();
                }
            }));
            assertThat(config.setting("half")).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aDataFolderThatCannotHoldTheDatabaseIsNamed() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("data"), "a file where the data folder should be");

        StoreException e = assertThrows(StoreException.class, () -> Database.open(notAFolder.resolve("lumasync.db")));
        assertThat(e.getMessage()).startsWith("Cannot open Lumasync's database in " + notAFolder);
    }
}
