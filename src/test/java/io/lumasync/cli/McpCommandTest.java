package io.lumasync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lumasync mcp read-only}: the workspace switch that keeps AI assistants to looking. */
class McpCommandTest {
    @TempDir
    Path data;

    @Test
    void readOnlyIsOffUntilSwitchedOnAndSaysSo() {
        InProcessCli cli = new InProcessCli(data);
        InProcessCli.Run before = cli.run("mcp", "read-only");
        assertThat(before.exit()).isZero();
        assertThat(before.out()).contains("may publish");

        assertThat(cli.run("mcp", "read-only", "on").out()).contains("may only look");
        assertThat(cli.run("mcp", "read-only").out()).contains("may only look");
        assertThat(cli.run("mcp", "read-only", "off").out()).contains("may publish");

        InProcessCli.Run wrong = cli.run("mcp", "read-only", "maybe");
        assertThat(wrong.exit()).isEqualTo(Cli.USAGE);
        assertThat(wrong.err()).contains("on or off");
    }
}
