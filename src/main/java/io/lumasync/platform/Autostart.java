package io.lumasync.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Start at login": one implementation per OS, each writing what that OS reads at login. {@link #apply} blocks
 * briefly (a file write, or on Windows one {@code reg.exe} call) and returns a sentence for the user; it never
 * throws for an unsupported system, it says so.
 */
public interface Autostart {
    /** Turns starting at login on or off; the answer says in plain words what happened ("" when nothing to say). */
    String apply(boolean on) throws IOException;

    /** The implementation for this OS and this installation's launcher. */
    static Autostart forThisSystem() {
        Optional<Path> exe = Optional.ofNullable(System.getProperty("jpackage.app-path")).map(Path::of)
                .or(() -> Optional.ofNullable(System.getProperty("lumasync.home")).map(h -> Path.of(h, "bin", "lumasync")))
                .filter(Files::isExecutable);
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"), exe,
                Commands.system());
    }

    static Autostart of(Map<String, String> env, String osName, String home, Optional<Path> launcher,
                        Commands commands) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new LaunchAgentAutostart(Path.of(home), launcher);
        }
        if (os.contains("win")) {
            return new WindowsRunKeyAutostart(launcher, commands);
        }
        if (os.contains("linux") || os.contains("bsd")) {
            String config = env.get("XDG_CONFIG_HOME");
            Path base = config != null && !config.isBlank() ? Path.of(config) : Path.of(home, ".config");
            return new XdgAutostart(base, launcher);
        }
        return on -> on ? "Start at login is not available on this system." : "";
    }

    /** Said when the copy running is not an installed one (a build folder has no stable launcher to start). */
    String NOT_INSTALLED = "Start at login needs an installed Lumasync (this copy runs from a build folder).";

    /** Runs an OS command and returns its exit code; replaced in tests. */
    @FunctionalInterface
    interface Commands {
        int run(java.util.List<String> command) throws IOException;

        static Commands system() {
            return command -> {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        throw new IOException(command.getFirst() + " did not answer within 20 s");
                    }
                    return p.exitValue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            };
        }
    }
}
