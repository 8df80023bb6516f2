package io.lumasync.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OAuth 2.0 provider as a native app sees it (RFC 8252). Client ids are configurable: users may bring their
 * own app keys. Dropbox takes public PKCE clients without a secret; Google's "Desktop app" clients need their
 * secret in the code exchange and every refresh, so it travels with the client id (Google does not treat it as
 * confidential for installed apps).
 *
 * @param id                   "dropbox", "gdrive"
 * @param displayName          shown to the user
 * @param authorizationUri     where the browser goes
 * @param tokenUri             where codes and refresh tokens are exchanged
 * @param clientId             the app key
 * @param clientSecret         only for providers that insist on one for installed apps; never logged
 * @param scopes               requested scopes (read-only where the provider has such a scope)
 * @param extraAuthorizeParams provider switches that ask for a refresh token
 * @param loopbackPort         the port of the registered redirect {@code http://127.0.0.1:PORT/callback} for a
 *                             provider that matches redirects exactly (Dropbox); 0 where any loopback port is
 *                             accepted (Google desktop clients)
 */
public record OAuthProvider(String id, String displayName, URI authorizationUri, URI tokenUri, String clientId,
                            Optional<String> clientSecret, List<String> scopes, Map<String, String> extraAuthorizeParams,
                            int loopbackPort) {

    public static final URI DROPBOX_AUTHORIZE = URI.create("https://www.dropbox.com/oauth2/authorize");
    public static final URI DROPBOX_TOKEN = URI.create("https://api.dropboxapi.com/oauth2/token");
    public static final URI GOOGLE_AUTHORIZE = URI.create("https://accounts.google.com/o/oauth2/v2/auth");
    public static final URI GOOGLE_TOKEN = URI.create("https://oauth2.googleapis.com/token");
    public static final String DRIVE_READONLY = "https://www.googleapis.com/auth/drive.readonly";
    /**
     * Dropbox compares the redirect URI with the app's registered ones character for character, so sign-in
     * listens on this one port; the app registration lists {@code http://127.0.0.1:53687/callback}.
     */
    public static final int DROPBOX_LOOPBACK_PORT = 53687;
    public static final URI CANVA_AUTHORIZE = URI.create("https://www.canva.com/api/oauth/authorize");
    public static final URI CANVA_TOKEN = URI.create("https://api.canva.com/rest/v1/oauth/token");
    /** Canva, like Dropbox, matches the redirect exactly: the integration lists http://127.0.0.1:53689/callback. */
    public static final int CANVA_LOOPBACK_PORT = 53689;
    /** The Microsoft identity platform; the tenant goes between host and path ("common": any account). */
    public static final String MICROSOFT_LOGIN = "https://login.microsoftonline.com/";
    /** Read access to the user's files and those shared with them, and a refresh token. */
    public static final List<String> MICROSOFT_SCOPES = List.of("Files.Read.All", "offline_access");

    public OAuthProvider {
        scopes = List.copyOf(scopes);
        extraAuthorizeParams = Map.copyOf(extraAuthorizeParams);
        clientSecret = clientSecret.filter(s -> !s.isBlank());
        if (loopbackPort < 0 || loopbackPort > 65_535) {
            throw new IllegalArgumentException("loopback port out of range: " + loopbackPort);
        }
    }

    /**
     * Dropbox: PKCE public client, {@code token_access_type=offline} for a refresh token (the Dropbox OAuth Guide,
     * "Implementing Code Flow with PKCE"). Only read scopes are asked for, even if the app has more.
     */
    public static OAuthProvider dropbox(String clientId) {
        return new OAuthProvider("dropbox", "Dropbox", DROPBOX_AUTHORIZE, DROPBOX_TOKEN, clientId, Optional.empty(),
                List.of("account_info.read", "files.metadata.read", "files.content.read"),
                Map.of("token_access_type", "offline"), DROPBOX_LOOPBACK_PORT);
    }

    /**
     * Google Drive, read-only: {@code access_type=offline} for a refresh token, {@code prompt=consent} so a
     * reconnect gets a fresh one ("OAuth 2.0 for iOS &amp; Desktop Apps", loopback IP address flow).
     */
    public static OAuthProvider google(String clientId, Optional<String> clientSecret) {
        return new OAuthProvider("gdrive", "Google Drive", GOOGLE_AUTHORIZE, GOOGLE_TOKEN, clientId, clientSecret,
                List.of(DRIVE_READONLY), Map.of("access_type", "offline", "prompt", "consent"), 0);
    }

    /**
     * Canva Connect: PKCE with the client secret in the token requests (the integration's secret; Canva's "Generate
     * an access token" accepts it as body parameters), read-only scopes for design metadata, design content (export)
     * and folders. The challenge method is written {@code s256} as Canva's "Authentication" guide writes it.
     */
    public static OAuthProvider canva(String clientId, Optional<String> clientSecret) {
        return new OAuthProvider("canva", "Canva", CANVA_AUTHORIZE, CANVA_TOKEN, clientId, clientSecret,
                List.of("design:meta:read", "design:content:read", "folder:read"),
                Map.of("code_challenge_method", "s256"), CANVA_LOOPBACK_PORT);
    }

    /**
     * OneDrive and SharePoint through the Microsoft identity platform v2.0 as a public client ("Mobile and desktop
     * applications" platform): authorization code with PKCE, no secret, any loopback port ("Redirect URI
     * restrictions"). {@code tenant} is "common" (personal and work accounts), "consumers", "organizations" or a
     * tenant id; {@code prompt=select_account} lets the user pick which account to connect.
     */
    public static OAuthProvider microsoft(String clientId, String tenant) {
        String t = tenant == null || tenant.isBlank() ? "common" : tenant.strip();
        return new OAuthProvider("onedrive", "OneDrive", URI.create(MICROSOFT_LOGIN + t + "/oauth2/v2.0/authorize"),
                URI.create(MICROSOFT_LOGIN + t + "/oauth2/v2.0/token"), clientId, Optional.empty(), MICROSOFT_SCOPES,
                Map.of("prompt", "select_account"), 0);
    }

    /** Adobe IMS; the registered redirect of a Lumasync "OAuth Native App" credential is on this loopback port. */
    public static final int ADOBE_LOOPBACK_PORT = 53688;

    /**
     * Adobe Lightroom through Adobe IMS with an "OAuth Native App" credential: authorization code with PKCE, no
     * secret (developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/implementation).
     * Adobe writes scopes comma-separated, so they travel as one value; {@code offline_access} brings a refresh token.
     */
    public static OAuthProvider adobe(String clientId) {
        return new OAuthProvider("lightroom", "Adobe Lightroom", URI.create("https://ims-na1.adobelogin.com/ims/authorize/v2"),
                URI.create("https://ims-na1.adobelogin.com/ims/token/v3"), clientId, Optional.empty(),
                List.of("openid,AdobeID,lr_partner_apis,lr_partner_rendition_apis,offline_access"), Map.of(),
                ADOBE_LOOPBACK_PORT);
    }

    /** The same provider at other addresses (a test server, a proxy). */
    public OAuthProvider withEndpoints(URI authorize, URI token) {
        return new OAuthProvider(id, displayName, authorize, token, clientId, clientSecret, scopes, extraAuthorizeParams,
                loopbackPort);
    }

    /** The same provider with its redirect on another registered loopback port. */
    public OAuthProvider withLoopbackPort(int port) {
        return new OAuthProvider(id, displayName, authorizationUri, tokenUri, clientId, clientSecret, scopes,
                extraAuthorizeParams, port);
    }

    @Override
    public String toString() {
        return "OAuthProvider[" + id + ", client " + clientId + (clientSecret.isPresent() ? ", secret set" : "") + "]";
    }
}
