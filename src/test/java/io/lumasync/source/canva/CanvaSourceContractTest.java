package io.lumasync.source.canva;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.TokenSet;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.http.Http;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.RemoteAssetContract;
import io.lumasync.source.Source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The remote-asset contract against {@link FakeCanva} (canva.dev/docs/connect/api-reference: "List designs",
 * "Get design pages", "Create design export job", "Get design export job", "Generate an access token"): each label
 * is a one-page design, listed two designs to a page so that continuation is followed.
 */
class CanvaSourceContractTest extends RemoteAssetContract {

    /** A signed-in Canva source over the fake; {@code extra} settings override the defaults. */
    static final class CanvaFixture implements Fixture {
        final FakeCanva fake = new FakeCanva();
        final VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "canva");
        final Path dataDir;
        final Map<String, String> extra = new HashMap<>();
        int polls;

        CanvaFixture(Path workDir) {
            dataDir = workDir.resolve("adapter");
            secrets.put(CanvaSourceType.CLIENT_SECRET_KEY, FakeCanva.CLIENT_SECRET);
            new TokenStore(secrets).save(new TokenSet(fake.issueAccessToken(), Optional.of(OAuthApiFake.REFRESH_TOKEN),
                    Instant.now().plusSeconds(3600), ""));
        }

        @Override
        public CanvaSource sourceAt(URI base, Retrier retrier) throws LumasyncException {
            Map<String, String> s = new HashMap<>(Map.of("client_id", FakeCanva.CLIENT_ID, "api_url", base.toString(),
                    "token_url", base + OAuthApiFake.TOKEN_PATH));
            s.putAll(extra);
            return CanvaSourceType.create(new AdapterContext(new AdapterConfig("canva", CanvaSourceType.ID, s), secrets,
                    Http.newClient(), dataDir, retrier), wait -> polls++);
        }

        Source source() throws LumasyncException {
            return sourceAt(fake.baseUri(), io.lumasync.source.SourceContract.NO_RETRY);
        }

        @Override
        public URI serverUri() {
            return fake.baseUri();
        }

        @Override
        public void put(String label, byte[] bytes) {
            fake.setPage(label, 1, bytes);
        }

        @Override
        public void remove(String label) {
            fake.removeDesign(label);
        }

        @Override
        public void expireLinks() {
            fake.links.expireAll();
        }

        @Override
        public void revoke() {
            fake.revoke();
        }

        @Override
        public void rateLimitNext(int seconds) {
            fake.rateLimitNext(seconds);
        }

        @Override
        public List<String> secretValues() {
            return List.of(secrets.get(TokenStore.ACCESS).orElseThrow(), OAuthApiFake.REFRESH_TOKEN,
                    FakeCanva.CLIENT_SECRET);
        }

        @Override
        public void close() {
            fake.close();
        }
    }

    @Override
    protected Fixture createFixture(Path workDir) {
        return new CanvaFixture(workDir);
    }
}
