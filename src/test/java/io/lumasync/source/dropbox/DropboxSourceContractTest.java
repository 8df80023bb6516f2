package io.lumasync.source.dropbox;

import io.lumasync.auth.TokenStore;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.Http;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.OAuthFakeFixture;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The source contract against {@link FakeDropbox}, a WireMock fake written from the Dropbox HTTP API reference
 * (www.dropbox.com/developers/documentation/http/documentation: files/list_folder, files/list_folder/continue,
 * files/download, files/get_thumbnail_v2, Errors; developers/reference/content-hash; the OAuth Guide's refresh
 * token grant).
 */
class DropboxSourceContractTest extends SourceContract {

    static final class DropboxFixture extends OAuthFakeFixture<FakeDropbox> {
        DropboxFixture(Path workDir) {
            super(new FakeDropbox("/Photos", 3), "photos", workDir, 3);
        }

        @Override
        public Source sourceAt(URI uri, Retrier retrier) throws LumasyncException {
            String base = uri.toString();
            AdapterConfig cfg = new AdapterConfig("photos", DropboxSourceType.ID, Map.of("folder", "/Photos",
                    "client_id", FakeDropbox.APP_KEY, "api_url", base, "content_url", base, "notify_url", base,
                    "token_url", base + OAuthApiFake.TOKEN_PATH));
            return new DropboxSourceType().create(new AdapterContext(cfg, secrets, Http.newClient(), dataDir, retrier));
        }

        @Override
        public void put(String path, byte[] bytes) {
            fake.put(path, bytes);
        }

        @Override
        public void delete(String path) {
            fake.delete(path);
        }

        @Override
        public void invalidateCursors() {
            fake.expireCursors();
        }

        @Override
        public List<String> secretValues() {
            return List.of(secrets.get(TokenStore.ACCESS).orElseThrow(), OAuthApiFake.REFRESH_TOKEN);
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) {
        return new DropboxFixture(workDir);
    }
}
