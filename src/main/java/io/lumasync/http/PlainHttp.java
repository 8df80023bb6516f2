package io.lumasync.http;

import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for credentials on unencrypted connections: a password, token, signing secret or access key goes
 * over plain {@code http://} only to this computer (loopback), unless the user ticked "allow plain http" for that
 * destination or source. Anyone on the network path (a café's Wi-Fi, a hotel proxy) could read it otherwise.
 * Host names are not resolved: "localhost" and loopback IP literals count, a name that points at 127.0.0.1 does not.
 */
public final class PlainHttp {
    /** The setting every adapter that sends credentials offers. */
    public static final String FIELD = "allow_plain_http";

    private PlainHttp() {
    }

    /** The "allow plain http" field, the same for every destination and source. */
    public static ConfigField field() {
        return ConfigField.bool(FIELD, "Allow plain http", false, "Send the password, token or key over an "
                + "unencrypted http:// address that is not this computer. Only on a network you trust.");
    }

    /**
     * Refuses sending credentials to {@code uri} when it is plain http to another machine and the user has not
     * allowed it. {@code what} names the destination or source ("the webhook 'orders'").
     */
    public static void requireSafe(URI uri, boolean allowed, String what) throws ConfigurationException {
        if (allowed || !"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
            return;
        }
        throw new ConfigurationException(what + " would send its password, token or key unencrypted over http:// to "
                + uri.getHost() + ", where others on the network could read it. Use an https:// address, or tick "
                + "'Allow plain http' (--allow-plain-http) for it if you trust that network.");
    }

    /**
     * An adapter's API address setting: {@code configured} when given, else {@code dflt}; refused when it is not an
     * address or would send credentials over plain http to another machine (see {@link #requireSafe}).
     */
    public static URI apiAddress(Optional<String> configured, String dflt, boolean allowed, String what)
            throws ConfigurationException {
        String s = configured.filter(v -> !v.isBlank()).orElse(dflt).strip();
        URI u;
        try {
            u = URI.create(s);
        } catch (IllegalArgumentException e) {
            u = null;
        }
        if (u == null || u.getHost() == null || u.getScheme() == null) {
            throw new ConfigurationException(what + ": '" + s + "' is not an API address. Leave it as " + dflt + ".");
        }
        requireSafe(u, allowed, what);
        return u;
    }

    /** True for "localhost" (and names under .localhost) and loopback IP literals. */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        try {
            return InetAddress.ofLiteral(h).isLoopbackAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
