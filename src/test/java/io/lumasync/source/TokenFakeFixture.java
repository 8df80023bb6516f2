package io.lumasync.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The remote-asset contract's fixture for a source signed in with a token against a {@link TokenApiFake}: the
 * fake's switches (expired links, a revoked token, a 429) wired to the contract's, and settings a test can
 * override in {@link #extra}.
 *
 * @param <F> the vendor's fake
 */
public abstract class TokenFakeFixture<F extends TokenApiFake> implements RemoteAssetContract.Fixture {
    public final F fake;
    public final Path dataDir;
    public final Map<String, String> extra = new HashMap<>();
    private final String token;

    protected TokenFakeFixture(F fake, String token, Path workDir) {
        this.fake = fake;
        this.token = token;
        this.dataDir = workDir.resolve("adapter");
    }

    /** The source's settings: the fake's address under {@code api_url}, then {@link #extra}. */
    protected Map<String, String> settings(URI base, Map<String, String> defaults) {
        Map<String, String> s = new HashMap<>(defaults);
        s.put("api_url", base.toString());
        s.putAll(extra);
        return s;
    }

    @Override
    public URI serverUri() {
        return fake.baseUri();
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
        return List.of(token);
    }

    @Override
    public void close() {
        fake.close();
    }
}
