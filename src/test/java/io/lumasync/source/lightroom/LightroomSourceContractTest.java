package io.lumasync.source.lightroom;

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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source contract against {@link FakeLightroom}, written from the Lightroom Partner API reference
 * (developer.adobe.com/lightroom/lightroom-api-docs: Getting started, api: Catalogs, Albums, Assets, Renditions) and
 * Adobe IMS's refresh-token grant. Lightroom has no change feed for albums and no content hash, so those cases do not
 * apply: every listing is complete, and change is seen in the assets' timestamps.
 */
class LightroomSourceContractTest extends SourceContract {
    static final class LightroomFixture extends OAuthFakeFixture<FakeLightroom> {
        final Map<String, String> extra = new HashMap<>();

        LightroomFixture(Path workDir) {
            super(new FakeLightroom(3), "lightroom", workDir, 3);
        }

        @Override
        public Source sourceAt(URI uri, Retrier retrier) throws LumasyncException {
            String base = uri.toString();
            Map<String, String> s = new HashMap<>(Map.of("client_id", FakeLightroom.CLIENT_ID, "api_url", base,
                    "token_url", base + OAuthApiFake.TOKEN_PATH, "render_wait_ms", "1", "render_polls", "3"));
            s.putAll(extra);
            return new LightroomSourceType().create(new AdapterContext(new AdapterConfig("lightroom",
                    LightroomSourceType.ID, s), secrets, Http.newClient(), dataDir, retrier));
        }

        @Override
        public Set<SourceContract.Ability> abilities() {
            return EnumSet.of(Ability.FOLDERS, Ability.THUMBNAILS, Ability.OAUTH, Ability.REVOCABLE,
                    Ability.RATE_LIMITS, Ability.PAGINATION);
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
        public List<String> secretValues() {
            return List.of(secrets.get(TokenStore.ACCESS).orElseThrow(), OAuthApiFake.REFRESH_TOKEN);
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) {
        return new LightroomFixture(workDir);
    }
}
