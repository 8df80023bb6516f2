package io.lumasync.auth;

import io.lumasync.core.LumasyncException;
import io.lumasync.core.Secrets;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One sign-in (RFC 8252): loopback receiver on 127.0.0.1, PKCE S256, random state, the system browser, then the
 * code exchange and the tokens saved to the account's slice of the vault. The CLI's {@code lumasync login} and the
 * GUI's "Connect" both call {@link #run}; {@link #cancel} ends the wait (GUI "Cancel" button).
 */
public final class OAuthLogin {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** What the receiver did, for logs and tests; contains no secret. */
    public record Trace(String boundAddress, int port, URI redirectUri, URI authorizationUrl) {
    }

    private final HttpClient http;
    private final int port;
    private final Duration timeout;
    private volatile LoopbackReceiver receiver;
    private volatile Trace trace;

    /** {@code port} 0 picks a free port; a provider with a registered {@link OAuthProvider#loopbackPort} uses that. */
    public OAuthLogin(HttpClient http, int port, Duration timeout) {
        this.http = http;
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * Signs in and stores the tokens. {@code browser} opens the URL (Desktop.browse, xdg-open, or printing it for
     * the user to open on a headless machine). Blocks until done, cancelled or timed out.
     */
    public TokenSet run(OAuthProvider provider, Secrets secrets, Consumer<URI> browser) throws LumasyncException {
        OAuthClient client = new OAuthClient(http, provider);
        Pkce pkce = Pkce.generate();
        String state = Pkce.randomUrlSafe(24);
        int listen = provider.loopbackPort() != 0 ? provider.loopbackPort() : port;
        try (LoopbackReceiver r = LoopbackReceiver.start(listen, state, provider.displayName())) {
            receiver = r;
            URI url = client.authorizationUrl(r.redirectUri(), state, pkce);
            trace = new Trace(r.boundAddress().getHostAddress(), r.port(), r.redirectUri(), url);
            browser.accept(url);
            String code = r.awaitCode(timeout);
            TokenSet tokens = client.exchangeCode(code, r.redirectUri(), pkce);
            new TokenStore(secrets).save(tokens);
            return tokens;
        } finally {
            receiver = null;
        }
    }

    /** Convenience for the CLI: sign in with the default timeout on the provider's port (or a free one). */
    public static TokenSet run(OAuthProvider provider, SecretVault vault, String accountName, Consumer<URI> browser)
            throws LumasyncException {
        return new OAuthLogin(io.lumasync.http.Http.newClient(), 0, DEFAULT_TIMEOUT)
                .run(provider, VaultSecrets.forSource(vault, accountName), browser);
    }

    /** Forgets an account's tokens and every other secret under it ({@code lumasync logout NAME}). */
    public static void logout(SecretVault vault, String accountName) {
        VaultSecrets.forSource(vault, accountName).deleteAll();
    }

    public void cancel() {
        LoopbackReceiver r = receiver;
        if (r != null) {
            r.cancel();
        }
    }

    /** The last attempt's port, redirect and authorization URL (no secrets: the verifier never leaves us). */
    public Trace trace() {
        return trace;
    }
}
