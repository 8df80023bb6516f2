package io.lumasync.source;

import io.lumasync.source.OAuthApiFake.Reply;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A provider's sign-in as strict as the vendor documents it, so a client that only works against a lenient fake
 * fails here: the authorize page checks the client id and the redirect against the app registration (Dropbox: an
 * exact registered URI; Google desktop clients: any loopback port) and shows an error page instead of
 * redirecting when they do not match; the token endpoint checks the code, the redirect, the PKCE verifier (RFC 7636
 * §4.6) and, for a client that has a secret, that secret in the exchange and in every refresh (Google answers
 * 400 {@code invalid_request} "client_secret is missing." without it).
 */
public final class OAuthServerRules {
    public static final String REFRESH_TOKEN = OAuthApiFake.REFRESH_TOKEN;

    /**
     * What the vendor's app console holds for the app. {@code challengeMethodAnyCase}: the vendor documents the PKCE
     * method in lower case (Canva's "Authentication" guide writes {@code code_challenge_method=s256}) and takes it
     * in any case; every other provider takes only RFC 7636's {@code S256}.
     */
    public record Registration(String clientId, Optional<String> clientSecret, Predicate<URI> redirectAllowed,
                               boolean challengeMethodAnyCase) {
        public Registration(String clientId, Optional<String> clientSecret, Predicate<URI> redirectAllowed) {
            this(clientId, clientSecret, redirectAllowed, false);
        }
    }

    private record Grant(String redirect, String challenge) {
    }

    private final Registration registration;
    private final Supplier<String> accessTokens;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger exchanges = new AtomicInteger();

    OAuthServerRules(Registration registration, Supplier<String> accessTokens) {
        this.registration = registration;
        this.accessTokens = accessTokens;
    }

    public int refreshes() {
        return refreshes.get();
    }

    public int codeExchanges() {
        return exchanges.get();
    }

    /** The authorize endpoint after the user consented: a redirect with a code, or the vendor's error page. */
    Reply authorize(Map<String, String> q) {
        if (!registration.clientId().equals(q.get("client_id"))) {
            return page(400, "Invalid client_id: no app is registered under this key.");
        }
        String redirect = q.get("redirect_uri");
        if (redirect == null || !registration.redirectAllowed().test(URI.create(redirect))) {
            return page(400, "Invalid redirect_uri: it does not match any redirect registered for this app ("
                    + redirect + ").");
        }
        if (!"code".equals(q.get("response_type"))) {
            return page(400, "Unsupported response_type.");
        }
        String challenge = q.get("code_challenge");
        String method = q.get("code_challenge_method");
        boolean s256 = registration.challengeMethodAnyCase() ? "S256".equalsIgnoreCase(method) : "S256".equals(method);
        if (challenge != null && !s256) {
            return page(400, "code_challenge_method must be S256.");
        }
        if (challenge == null && registration.clientSecret().isEmpty()) {
            return page(400, "A public client must use PKCE (code_challenge).");
        }
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(redirect, challenge));
        String state = q.get("state");
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
        return new Reply(302, Map.of("Location", location), new byte[0]);
    }

    /** The token endpoint: authorization_code and refresh_token grants (RFC 6749 §4.1.3, §6). */
    Reply token(Map<String, String> form, boolean revoked) {
        if (!registration.clientId().equals(form.get("client_id"))) {
            return Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}");
        }
        if (registration.clientSecret().isPresent()) {
            String sent = form.get("client_secret");
            if (sent == null || sent.isEmpty()) {
                return Reply.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"client_secret is missing.\"}");
            }
            if (!registration.clientSecret().get().equals(sent)) {
                return Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
            }
        }
        return switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> exchange(form);
            case "refresh_token" -> refresh(form, revoked);
            default -> Reply.json(400, "{\"error\":\"unsupported_grant_type\"}");
        };
    }

    private Reply exchange(Map<String, String> form) {
        Grant g = codes.remove(form.getOrDefault("code", ""));
        if (g == null) {
            return invalidGrant("code doesn't exist or has expired");
        }
        if (!g.redirect().equals(form.get("redirect_uri"))) {
            return invalidGrant("redirect_uri mismatch");
        }
        if (g.challenge() != null && !g.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            return invalidGrant("invalid code verifier");
        }
        exchanges.incrementAndGet();
        return Reply.json(200, "{\"access_token\":\"" + accessTokens.get() + "\",\"token_type\":\"bearer\","
                + "\"expires_in\":14400,\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");
    }

    private Reply refresh(Map<String, String> form, boolean revoked) {
        if (revoked || !REFRESH_TOKEN.equals(form.get("refresh_token"))) {
            return invalidGrant("refresh token is invalid or revoked");
        }
        refreshes.incrementAndGet();
        return Reply.json(200, "{\"access_token\":\"" + accessTokens.get() + "\",\"token_type\":\"bearer\",\"expires_in\":14400}");
    }

    private static Reply invalidGrant(String why) {
        return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + why + "\"}");
    }

    private static Reply page(int status, String message) {
        return new Reply(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                ("<!doctype html><title>Error</title><p>" + message.replace("<", "&lt;") + "</p>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Google's rule for desktop clients: any port on a loopback address, over http. */
    public static boolean anyLoopbackPort(URI u) {
        return "http".equals(u.getScheme()) && u.getPort() > 0
                && ("127.0.0.1".equals(u.getHost()) || "[::1]".equals(u.getHost()) || "localhost".equals(u.getHost()));
    }
}
