package io.lumasync.auth;

import java.util.Map;

/**
 * The accounts half of {@code lumasync doctor}: where secrets are kept (and why not elsewhere) and the health of
 * each OAuth account. Plain text, no secrets; the CLI prints it, Settings shows the same lines.
 */
public final class Doctor {
    private Doctor() {
    }

    /**
     * @param selection the vault choice from {@link SecretVaults#select}
     * @param accounts  account name → its session; each is checked (an expiring token is refreshed now)
     */
    public static String report(SecretVaults.Selection selection, Map<String, OAuthSession> accounts) {
        StringBuilder out = new StringBuilder();
        out.append("Secrets:  ").append(selection.backendName()).append('\n');
        if (!selection.durable()) {
            out.append("          WARNING: nothing is saved; secrets are forgotten when Lumasync exits.\n");
        }
        selection.reasons().forEach(r -> out.append("          (").append(r).append(")\n"));
        if (accounts.isEmpty()) {
            out.append("Accounts: none connected (lumasync login dropbox|gdrive)\n");
        }
        accounts.forEach((name, session) -> {
            OAuthSession.HealthReport h = session.checkHealth();
            String verdict = switch (h.health()) {
                case OK -> "ok";
                case NEEDS_RECONNECT -> "NEEDS RECONNECT (lumasync login, or Reconnect in Sources)";
                case NOT_CONNECTED -> "not signed in";
                case UNKNOWN -> "unknown";
            };
            out.append("Account:  ").append(name).append(": ").append(verdict).append(" - ").append(h.detail())
                    .append('\n');
        });
        return out.toString();
    }
}
