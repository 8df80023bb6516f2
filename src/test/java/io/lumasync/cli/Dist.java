package io.lumasync.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged launcher {@code target/dist/bin/lumasync} as a user would, with its own data folder. */
class Dist {
    record Result(int exit, String out, String err) {
    }

    private final Path home;
    private final Map<String, String> env;

    Dist(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    static Path launcher() {
        Path p = Path.of(System.getProperty("lumasync.dist", "target/dist"), "bin", "lumasync");
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(p + " is missing: integration tests run after `mvn package`");
        }
        return p;
    }

    ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LUMASYNC_HOME", home.toString());
        pb.environment().put("HOME", home.resolve("user-home").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("LUMASYNC_VAULT_PASSPHRASE", "test passphrase for the cli");
        pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        pb.environment().putAll(env);
        return pb;
    }

    Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process p = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("lumasync " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }
}
