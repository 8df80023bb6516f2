package io.lumasync.destination.wordpress;

import io.lumasync.http.PlainHttp;

import io.lumasync.core.LumasyncException;

import java.net.URI;
import java.util.Locale;

/**
 * Where the application password may go. It opens the user's whole site, so it is sent only to the site itself
 * (same scheme, host and port: an attachment address on a CDN or another site never gets it), and over plain http
 * only to this machine, unless the user allowed plain http for this destination. Host names are compared as
 * typed, never resolved: a name that resolves to 127.0.0.1 today may not tomorrow.
 *
 * @param site           the site address the user gave
 * @param allowPlainHttp the user's explicit choice to send the password unencrypted to this site
 */
record SiteCredentialRule(URI site, boolean allowPlainHttp) {

    /** True when {@code target} is on the site: same scheme, host and (effective) port. */
    boolean sameOrigin(URI target) {
        String scheme = lower(site.getScheme());
        return scheme.equals(lower(target.getScheme()))
                && lower(site.getHost()).equals(lower(target.getHost()))
                && port(site) == port(target);
    }

    /** Refuses to send the password to {@code target} when it is not the site, or when it would cross the network in clear. */
    void require(URI target, String what) throws LumasyncException {
        if (!sameOrigin(target)) {
            throw LumasyncException.giveUp("Lumasync did not send the application password of " + what + " to "
                    + target.getScheme() + "://" + target.getAuthority() + ", which is not the site itself.");
        }
        if ("http".equals(lower(target.getScheme())) && !allowPlainHttp && !isLoopback(target.getHost())) {
            throw LumasyncException.giveUp("Lumasync will not send the application password of " + what
                    + " over plain http: anyone on the network between you and " + target.getHost() + " could read"
                    + " it and use your site. Use the site's https:// address, or, for a site on your own network,"
                    + " turn on \"Allow plain http\" in this destination's settings.");
        }
    }

    /** Loopback as written in the address, by the one rule every adapter uses. */
    static boolean isLoopback(String host) {
        return PlainHttp.isLoopback(host);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equals(lower(u.getScheme())) ? 443 : 80;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
