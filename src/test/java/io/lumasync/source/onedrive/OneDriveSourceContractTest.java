package io.lumasync.source.onedrive;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source contract against {@link FakeGraph}, written from the Microsoft Graph v1.0 reference
 * (learn.microsoft.com/graph/api/driveitem-get, driveitem-delta, driveitem-list-thumbnails, resources/driveitem,
 * resources/hashes; "Microsoft Graph error responses"; "Microsoft Graph throttling guidance"; the OneDrive
 * QuickXorHash code snippet; "Microsoft identity platform and OAuth 2.0 authorization code flow" for the refresh).
 */
class OneDriveSourceContractTest extends SourceContract {
    static final class GraphFixture extends OAuthFakeFixture<FakeGraph> {
        final Map<String, String> extra = new HashMap<>();

        GraphFixture(Path workDir, String driveType) {
            super(new FakeGraph(driveType, "Photos", 3), "onedrive", workDir, 3);
        }

        @Override
        public Source sourceAt(URI uri, Retrier retrier) throws LumasyncException {
            String base = uri.toString();
            Map<String, String> s = new HashMap<>(Map.of("folder", "/Photos", "client_id", FakeGraph.CLIENT_ID,
                    "api_url", base, "token_url", base + OAuthApiFake.TOKEN_PATH, "page_size", "3"));
            s.putAll(extra);
            return new OneDriveSourceType().create(new AdapterContext(new AdapterConfig("onedrive",
                    OneDriveSourceType.ID, s), secrets, Http.newClient(), dataDir, retrier));
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
            fake.expireDeltaTokens();
        }

        @Override
        public List<String> secretValues() {
            return List.of(secrets.get(TokenStore.ACCESS).orElseThrow(), OAuthApiFake.REFRESH_TOKEN);
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) {
        return new GraphFixture(workDir, "personal");
    }
}
