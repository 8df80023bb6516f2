package io.lumasync.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {
    @Test
    void theShellLauncherKnowsExactlyTheCliCommands() throws Exception {
        String sh = Files.readString(Path.of("src/dist/bin/lumasync"));
        Matcher m = Pattern.compile("\\n\\s*(push\\|[^)]*)\\)").matcher(sh);
        assertThat(m.find()).isTrue();
        Set<String> words = Arrays.stream(m.group(1).split("\\|")).map(String::trim).collect(Collectors.toSet());
        assertThat(words).isEqualTo(Cli.COMMANDS);
    }

    @Test
    void theWindowsLauncherKnowsExactlyTheCliCommands() throws Exception {
        String cmd = Files.readString(Path.of("src/dist/bin/lumasync.cmd"));
        Matcher m = Pattern.compile("for %%c in \\(([^)]*)\\)").matcher(cmd);
        assertThat(m.find()).isTrue();
        assertThat(Set.of(m.group(1).trim().split("\\s+"))).isEqualTo(Cli.COMMANDS);
    }

    @Test
    void bothLaunchersGiveTheVectorModuleToTheSameConvertingCommands() throws Exception {
        Matcher sh = Pattern.compile("case \"\\$1\" in (push\\|[^)]*)\\) ;;").matcher(
                Files.readString(Path.of("src/dist/bin/lumasync")));
        Matcher cmd = Pattern.compile("for %%v in \\(([^)]*)\\)").matcher(
                Files.readString(Path.of("src/dist/bin/lumasync.cmd")));
        assertThat(sh.find()).isTrue();
        assertThat(cmd.find()).isTrue();
        Set<String> shell = Set.of(sh.group(1).split("\\|"));
        assertThat(Set.of(cmd.group(1).trim().split("\\s+"))).isEqualTo(shell);
        assertThat(Cli.COMMANDS).containsAll(shell);
        assertThat(shell).contains("push", "sync", "daemon", "optimize").doesNotContain("doctor", "completion");
    }

    @Test
    void everyLauncherBoundsTheHeapTheSameWay() throws Exception {
        List<String> options = io.lumasync.image.bench.ImageBenchmark.APP_HEAP;
        assertThat(options).contains("-Xmx192m", "-XX:+UseSerialGC");
        for (String file : new String[]{"src/dist/bin/lumasync", "src/dist/bin/lumasync.cmd", "installer/common.args"}) {
            String text = Files.readString(Path.of(file));
            for (String option : options) {
                assertThat(text).as(file).contains(option);
            }
            assertThat(text).as(file).doesNotContain("G1PeriodicGCInterval");
            // The metric's vector loops (image.metric.Lanes) run only when the JVM has the vector module.
            assertThat(text).as(file).contains("jdk.incubator.vector");
        }
    }

    @Test
    void everyCliSubcommandStartsTheCli() {
        var cl = new picocli.CommandLine(new Cli(null), new picocli.CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    return cls.getDeclaredConstructor(CliContext.class).newInstance((Object) null);
                } catch (NoSuchMethodException e) {
                    return picocli.CommandLine.defaultFactory().create(cls);
                }
            }
        });
        assertThat(Cli.COMMANDS).containsAll(cl.getSubcommands().keySet());
    }
}
