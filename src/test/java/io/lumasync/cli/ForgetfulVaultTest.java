package io.lumasync.cli;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.auth.SecretVaults;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret that would vanish when the command ends is refused (exit 2, the two ways out), never "Added". */
class ForgetfulVaultTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void addingADestinationWithASecretIsRefusedWhenOnlyMemoryIsUsable() throws Exception {
        int code = run(InMemorySecretVault.forgetful(), "tok-1\n", "destinations", "add", "webhook", "hook",
                "--url", "https://hooks.example.com/in");
        assertThat(code).isEqualTo(Cli.USAGE);
        assertThat(out.toString()).doesNotContain("Added").doesNotContain("whsec_");
        assertThat(err.toString()).contains("forgotten").contains("keychain").contains(SecretVaults.PASSPHRASE_ENV);
        assertThat(run(InMemorySecretVault.forgetful(), "", "destinations", "list")).isZero();
        assertThat(out.toString()).doesNotContain("hook");
    }

    @Test
    void aSourceTokenPipedInIsRefusedToo() throws Exception {
        assertThat(run(InMemorySecretVault.forgetful(), "", "destinations", "add", "folder", "web", "--path",
                dir.resolve("web").toString())).as("a destination without secrets needs no vault").isZero();
        int code = run(InMemorySecretVault.forgetful(), "tok-1\n", "sources", "add", "custom-api", "photos",
                "--to", "web", "--url", "https://api.example.com/photos", "--token-stdin");
        assertThat(code).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains(SecretVaults.PASSPHRASE_ENV);
    }

    @Test
    void aLastingVaultTakesTheSameSecret() throws Exception {
        SecretVault lasting = new InMemorySecretVault();
        int code = run(lasting, "", "destinations", "add", "webhook", "hook", "--url", "https://hooks.example.com/in");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Added");
        assertThat(lasting.get("destination/hook/secret")).isPresent();
    }

    private int run(SecretVault vault, String stdin, String... args) {
        Path data = dir.resolve("data");
        try (CliContext ctx = new CliContext(() -> SyncService.open(data, vault, new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false)),
                new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of())) {
            return Cli.run(ctx, args);
        }
    }
}
