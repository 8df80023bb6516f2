package io.lumasync.cli;

import io.lumasync.cli.InProcessCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `lumasync groups`, `approvals` and `hooks` on the real engine, as a user types them. */
class AgencyCommandsTest {
    @TempDir
    Path dir;

    private Run run(String... args) {
        return new InProcessCli(dir.resolve("data")).run(args);
    }

    @Test
    void aGroupWithApprovalHoldsAPushUntilApproved() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path photo = dir.resolve("photo.png");
        Files.write(photo, Images.png(8, 8, 40));
        assertThat(run("destinations", "add", "folder", "site", "--path", out.toString()).exit()).isZero();
        Run set = run("groups", "set", "Clients", "--destinations", "site", "--approval", "--max-file-size", "2MB");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("approval required").contains("files of at most 2.0 MB");
        assertThat(run("groups", "list").out()).contains("Clients: site");

        Run dry = run("push", photo.toString(), "--to", "Clients", "--format", "original", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("photo.png → site: waiting for approval (group Clients): publish to site");
        Run push = run("push", photo.toString(), "--to", "Clients", "--format", "original");
        assertThat(push.exit()).as(push.err()).isZero();
        assertThat(push.out()).contains("waiting for approval (group Clients)");
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
        Run list = run("approvals", "list");
        Matcher id = Pattern.compile("#(\\d+)\\s+photo\\.png").matcher(list.out());
        assertThat(id.find()).as(list.out()).isTrue();

        Run approve = run("approvals", "approve", id.group(1));
        assertThat(approve.exit()).as(approve.out() + approve.err()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(1);
        }
        assertThat(run("approvals", "list").out()).contains("Nothing is waiting");
        assertThat(run("approvals", "list", "--all").out()).contains("approved: published");
        Run again = run("approvals", "reject", id.group(1));
        assertThat(again.exit()).isEqualTo(Cli.USAGE);
        assertThat(again.err()).contains("not waiting");
        assertThat(run("groups", "remove", "Clients").exit()).isZero();
        assertThat(run("groups", "list").out()).contains("No groups");
    }

    @Test
    void hooksAreAddedListedSwitchedAndRemoved() {
        Run add = run("hooks", "add", "crm", "https://hooks.example.com/lumasync", "--events", "asset.synced,action.approved");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).containsPattern("signing secret .*: whsec_[A-Za-z0-9+/=]{40,}");
        assertThat(run("hooks", "list").out()).contains("crm  https://hooks.example.com/lumasync  on  asset.synced, "
                + "action.approved  (standard-webhooks)");
        assertThat(run("hooks", "disable", "crm").exit()).isZero();
        assertThat(run("hooks", "list").out()).contains("  off  ");
        assertThat(run("hooks", "events").out()).contains("enrichment.completed").contains("asset.failed");
        assertThat(run("hooks", "deliveries").out()).contains("No deliveries yet.");

        Run plain = run("hooks", "add", "lan", "http://192.0.2.10/in");
        assertThat(plain.exit()).isEqualTo(Cli.USAGE);
        assertThat(plain.err()).contains("https://");
        Run hex = run("hooks", "add", "gh", "https://hooks.example.com/gh", "--signing", "hmac-sha256-hex");
        assertThat(hex.err()).contains("--secret-stdin");
        assertThat(run("hooks", "remove", "crm").exit()).isZero();
        assertThat(run("hooks", "list").out()).contains("No hooks.");
    }
}
