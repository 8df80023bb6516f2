package io.lumasync.tray;

import io.lumasync.testing.LiveServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tray on a real X server: with a tray host ({@code trayer}) the icon appears; without one the app falls
 * back to "no tray". Each case runs a child JVM on its own Xvfb display, so AWT starts as it does in the app.
 */
class TrayHostTest {
    private final List<Process> started = new ArrayList<>();
    private String display;

    @BeforeEach
    void xvfb() throws Exception {
        LiveServers.require(onPath("Xvfb") && onPath("trayer"), "Xvfb and trayer are needed for the tray test",
                "apt-get install xvfb trayer (scripts/apt.d/ui.txt; scripts/run-tests installs them).");
        // Xvfb picks a free display itself and tells us which (-displayfd), so parallel runs never share one.
        Process x = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(x);
        String n = new java.io.BufferedReader(new java.io.InputStreamReader(x.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(n).as("Xvfb reported its display").isNotBlank();
        display = ":" + n.strip();
    }

    @AfterEach
    void stop() {
        started.reversed().forEach(p -> {
            p.destroy();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void withATrayHostTheIconAppearsAndGoesAwayOnQuit() throws Exception {
        start(List.of("trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "80"), Path.of("/"));
        waitForTrayOwner();
        String out = probe();
        assertThat(out).contains("kind=awt").contains("icons=1").contains("after-remove=0");
    }

    @Test
    void withoutATrayHostTheAppFallsBack() throws Exception {
        String out = probe();
        assertThat(out).contains("kind=none").contains("icons=0");
    }

    private void waitForTrayOwner() throws Exception {
        // trayer maps its window once it owns the tray selection; only then can AWT find a tray.
        for (int i = 0; i < 200; i++) {
            ProcessBuilder pb = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--class", "trayer")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            env(pb);
            if (pb.start().waitFor() == 0) {
                Thread.sleep(300);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("trayer did not show its window on " + display + " within 20 s");
    }

    private String probe() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.awt.headless=false", "-cp",
                System.getProperty("java.class.path"), TrayProbe.class.getName()).redirectErrorStream(true);
        env(pb);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("tray probe finished").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void env(ProcessBuilder pb) {
        pb.environment().put("DISPLAY", display);
        pb.environment().remove("WAYLAND_DISPLAY");
    }

    private void start(List<String> cmd, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (display != null) {
            env(pb);
        }
        started.add(pb.start());
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(d, exe).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
