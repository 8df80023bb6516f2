package io.lumasync.source.dropbox;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.TokenSet;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source contract against {@link FakeDropbox}, a WireMock fake written from the Dropbox HTTP API reference
 * (www.dropbox.com/developers/documentation/http/documentation: files/list_folder, files/list_folder/continue,
 * files/download, files/get_thumbnail_v2, Errors; developers/reference/content-hash; the OAuth Guide's refresh
 * token grant).
 */
class DropboxSourceContractTest extends SourceContract {

    static final class DropboxFixture implements Fixture {
        final FakeDropbox dropbox = new FakeDropbox("/Photos", 3);
        final InMemorySecretVault vault = new InMemorySecretVault();
        final VaultSecrets secrets = VaultSecrets.forSource(vault, "photos");
        final Path dataDir;

        DropboxFixture(Path workDir) {
            dataDir = workDir.resolve("adapter");
            new TokenStore(secrets).save(new TokenSet(dropbox.issueAccessToken(), Optional.of(OAuthApiFake.REFRESH_TOKEN),
                    Instant.now().plusSeconds(4 * 3600), ""));
        }

        @Override
        public Source source() throws LumasyncException {
            String base = dropbox.baseUri().toString();
            AdapterConfig cfg = new AdapterConfig("photos", DropboxSourceType.ID, Map.of("folder", "/Photos",
                    "client_id", "lumasync-test-app", "api_url", base, "content_url", base,
                    "token_url", base + OAuthApiFake.TOKEN_PATH));
            return new DropboxSourceType().create(new AdapterContext(cfg, secrets, Http.newClient(), dataDir));
        }

        @Override
        public void put(String path, byte[] bytes) {
            dropbox.put(path, bytes);
        }

        @Override
        public void delete(String path) {
            dropbox.delete(path);
        }

        @Override
        public Set<Ability> abilities() {
            return EnumSet.allOf(Ability.class);
        }

        @Override
        public int pageSize() {
            return 3;
        }

        @Override
        public void invalidateCursors() {
            dropbox.expireCursors();
        }

        @Override
        public void corruptNextDownload() {
            dropbox.corruptNextDownload();
        }

        @Override
        public void expireAccessToken() {
            dropbox.expireAccessTokens();
        }

        @Override
        public void revokeConsent() {
            dropbox.revoke();
        }

        @Override
        public int tokenRefreshes() {
            return dropbox.refreshes();
        }

        @Override
        public List<String> secretValues() {
            return List.of(secrets.get(TokenStore.ACCESS).orElseThrow(), OAuthApiFake.REFRESH_TOKEN);
        }

        @Override
        public void rateLimitNextCall(int seconds) {
            dropbox.rateLimitNext(seconds);
        }

        @Override
        public void close() {
            dropbox.close();
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) {
        return new DropboxFixture(workDir);
    }
}
