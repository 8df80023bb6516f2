package io.lumasync.source;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.TokenSet;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The contract fixture of a cloud source behind an {@link OAuthApiFake}: signed in, every ability present. */
public abstract class OAuthFakeFixture<F extends OAuthApiFake> implements SourceContract.Fixture {
    public final F fake;
    public final VaultSecrets secrets;
    public final Path dataDir;
    private final int pageSize;

    protected OAuthFakeFixture(F fake, String account, Path workDir, int pageSize) {
        this.fake = fake;
        this.pageSize = pageSize;
        secrets = VaultSecrets.forSource(new InMemorySecretVault(), account);
        dataDir = workDir.resolve("adapter");
        new TokenStore(secrets).save(new TokenSet(fake.issueAccessToken(), Optional.of(OAuthApiFake.REFRESH_TOKEN),
                Instant.now().plusSeconds(3600), ""));
    }

    @Override
    public Source source(Retrier retrier) throws LumasyncException {
        return sourceAt(fake.baseUri(), retrier);
    }

    @Override
    public Optional<URI> serverUri() {
        return Optional.of(fake.baseUri());
    }

    @Override
    public abstract Source sourceAt(URI base, Retrier retrier) throws LumasyncException;

    @Override
    public Set<SourceContract.Ability> abilities() {
        return EnumSet.allOf(SourceContract.Ability.class);
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public void corruptNextDownload() {
        fake.corruptNextDownload();
    }

    @Override
    public void expireAccessToken() {
        fake.expireAccessTokens();
    }

    @Override
    public void revokeConsent() {
        fake.revoke();
    }

    @Override
    public int tokenRefreshes() {
        return fake.refreshes();
    }

    @Override
    public void rateLimitNextCall(int seconds) {
        fake.rateLimitNext(seconds);
    }

    @Override
    public void close() {
        fake.close();
    }
}
