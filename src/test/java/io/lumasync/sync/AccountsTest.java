package io.lumasync.sync;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.Retrier;
import io.lumasync.http.Http;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Database;
import io.lumasync.store.SyncMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sign-ins belong to the sources that sign in with a browser, and signing out forgets only the tokens. */
class AccountsTest {
    @TempDir
    Path dir;

    @Test
    void onlyBrowserSignInSourcesAreAccountsAndSigningOutKeepsTheSource() throws Exception {
        InMemorySecretVault vault = new InMemorySecretVault();
        try (Database db = Database.inMemory()) {
            ConfigStore config = new ConfigStore(db);
            Adapters adapters = new Adapters(config, vault, Http.newClient(), dir,
                    new Retrier(EngineFixture.FAST, d -> { }));
            AdapterConfiguration configuration = new AdapterConfiguration(config, new SyncMap(db), vault, adapters);
            Accounts accounts = new Accounts(configuration, vault, adapters);
            Path pictures = Files.createDirectories(dir.resolve("pictures"));
            configuration.addDestination("out", "folder", Map.of("path", dir.resolve("out").toString()));
            configuration.addSource(SourceInfo.of("pics", "folder", Map.of("path", pictures.toString()),
                    List.of("out")), Map.of());
            configuration.addSource(SourceInfo.of("drop", "dropbox", Map.of("folder", "/Photos", "client_id",
                    "app-key"), List.of("out")), Map.of());
            vault.put("source/drop/access_token", "token-from-sign-in");

            assertThat(accounts.oauthAccounts()).containsOnlyKeys("drop");

            List<URI> opened = new ArrayList<>();
            ConfigurationException folder = assertThrows(ConfigurationException.class,
                    () -> accounts.login("pics", opened::add));
            assertThat(folder.getMessage()).contains("does not sign in with a browser");
            assertThat(opened).as("no sign-in page for a folder").isEmpty();
            assertThrows(ConfigurationException.class, () -> accounts.logout("nowhere"));

            accounts.logout("drop");
            assertThat(vault.get("source/drop/access_token")).isEmpty();
            assertThat(configuration.sources()).extracting(SourceInfo::name).containsExactly("drop", "pics");
        }
    }
}
