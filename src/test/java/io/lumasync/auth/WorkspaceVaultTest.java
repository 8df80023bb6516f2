package io.lumasync.auth;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each workspace sees its own slice of the one machine vault, plus the accounts marked shared. */
class WorkspaceVaultTest {
    private final InMemorySecretVault machine = new InMemorySecretVault();
    private final Set<String> shared = new HashSet<>();
    private final WorkspaceVault first = new WorkspaceVault(machine, "default", true, () -> shared);
    private final WorkspaceVault acme = new WorkspaceVault(machine, "acme", false, () -> shared);

    @Test
    void theDefaultKeepsTheNamesOfBeforeAndOthersGetTheirOwn() {
        machine.put("destination/blog/password", "from-before-workspaces");
        assertThat(first.get("destination/blog/password")).contains("from-before-workspaces");
        assertThat(acme.get("destination/blog/password")).isEmpty();

        acme.put("destination/blog/password", "acme-secret");
        assertThat(machine.get("workspace/acme/destination/blog/password")).contains("acme-secret");
        assertThat(first.get("destination/blog/password")).contains("from-before-workspaces");
        assertThat(first.keys("")).containsExactly("destination/blog/password");
        assertThat(acme.keys("")).containsExactly("destination/blog/password");

        acme.deletePrefix("destination/blog/");
        assertThat(acme.get("destination/blog/password")).isEmpty();
        assertThat(first.get("destination/blog/password")).contains("from-before-workspaces");
    }

    @Test
    void noWorkspaceCanNameAnotherWorkspacesKeys() {
        acme.put("source/drop/access_token", "acme-token");
        assertThrows(IllegalArgumentException.class, () -> first.get("workspace/acme/source/drop/access_token"));
        assertThrows(IllegalArgumentException.class, () -> first.deletePrefix("workspace/"));
        assertThrows(IllegalArgumentException.class, () -> acme.put("shared/source/x/token", "v"));
        assertThat(first.keys("")).isEmpty();
        assertThrows(IllegalArgumentException.class, () -> new WorkspaceVault(machine, "../acme", false, Set::of));
    }

    @Test
    void aSharedAccountIsSeenByEveryWorkspaceAndSurvivesOneRemovingIt() {
        first.put("source/drop/access_token", "agency-token");
        first.put("source/drop/refresh_token", "agency-refresh");
        first.moveAccount("source/drop", true);
        shared.add("source/drop");
        assertThat(machine.get("source/drop/access_token")).isEmpty();
        assertThat(acme.get("source/drop/access_token")).contains("agency-token");
        assertThat(first.get("source/drop/refresh_token")).contains("agency-refresh");

        acme.deletePrefix("source/drop/");
        assertThat(first.get("source/drop/access_token")).contains("agency-token");

        shared.remove("source/drop");
        acme.moveAccount("source/drop", false);
        assertThat(acme.get("source/drop/access_token")).contains("agency-token");
        assertThat(first.get("source/drop/access_token")).isEmpty();
        assertThat(machine.keys("shared/")).isEmpty();
    }
}
