package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.Retrier;
import io.lumasync.http.Http;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Database;
import io.lumasync.store.StoreException;
import io.lumasync.store.SyncMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Saving destinations: secrets go to the vault alone, and a save the database refuses leaves none behind. */
class AdapterConfigurationTest {
    private static final String SECRET = "whsec_YW4gb2xkIHNpZ25pbmcgc2VjcmV0IDMyIGJ5dGVzISE=";

    @TempDir
    Path dir;
    private Database db;
    private final InMemorySecretVault vault = new InMemorySecretVault();
    private AdapterConfiguration configuration;

    @BeforeEach
    void open() throws Exception {
        db = Database.inMemory();
        ConfigStore config = new ConfigStore(db);
        Adapters adapters = new Adapters(config, vault, Http.newClient(), dir, new Retrier(EngineFixture.FAST, d -> { }));
        configuration = new AdapterConfiguration(config, new SyncMap(db), vault, adapters);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aSecretFieldIsKeptInTheVaultNotInTheSettings() throws Exception {
        configuration.addDestination("hook", "webhook", Map.of("url", "http://127.0.0.1:9/a", "secret", SECRET));

        assertThat(configuration.destinations().getFirst().settings()).containsEntry("url", "http://127.0.0.1:9/a")
                .doesNotContainKey("secret");
        assertThat(vault.get("destination/hook/secret")).contains(SECRET);
    }

    @Test
    void aDestinationTheDatabaseRefusesLeavesNoSecretInTheVault() throws Exception {
        db.query(c -> {
            try (var s = c.createStatement()) {
                return s.execute("CREATE TRIGGER disk_full BEFORE INSERT ON destinations "
                        + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
            }
        });

        assertThrows(StoreException.class, () -> configuration.addDestination("hook", "webhook",
                Map.of("url", "http://127.0.0.1:9/a", "secret", SECRET)));
        assertThat(vault.get("destination/hook/secret")).isEmpty();
        assertThat(configuration.destinations()).isEmpty();
    }

    @Test
    void theFirstLocalDestinationIsMadeOnceAndStaysRemovedWhenTheUserRemovesIt() throws Exception {
        configuration.createDefaults();
        assertThat(configuration.destinations()).extracting(DestinationInfo::name)
                .containsExactly(SyncService.DEFAULT_DESTINATION);

        configuration.removeDestination(SyncService.DEFAULT_DESTINATION);
        configuration.createDefaults();
        assertThat(configuration.destinations()).isEmpty();
    }
}
