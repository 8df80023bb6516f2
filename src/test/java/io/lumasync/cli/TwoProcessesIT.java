package io.lumasync.cli;

import io.lumasync.auth.EncryptedFileVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several real launcher processes on one LUMASYNC_HOME, as a user runs them side by side (the daemon and a CLI
 * command, two pushes from two terminals): every photo arrives exactly once, and no process loses another's secrets.
 */
class TwoProcessesIT {
    private static final String PASSPHRASE = "test passphrase for the cli";

    @TempDir
    Path tmp;

    private Path home;

    private Dist dist(long uploadDelayMs) throws IOException {
        home = tmp.resolve("home");
        Files.createDirectories(home);
        return new Dist(home, Map.of("LUMASYNC_UPLOAD_DELAY_MS", Long.toString(uploadDelayMs), "LUMASYNC_VAULT", "file"));
    }

    private static List<Path> photos(Path dir, int from, int to) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Path p = dir.resolve(String.format("img-%03d.png", i));
            if (!Files.exists(p)) {
                Files.write(p, Images.png(16 + i % 5, 12, i));
            }
            out.add(p);
        }
        return out;
    }

    private Process start(Dist d, String log, List<String> args) throws IOException {
        return d.builder(args.toArray(String[]::new)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(log + ".log").toFile()).start();
    }

    private String finish(Process p, String log) throws Exception {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(log + " did not finish in 180 s");
        }
        String out = Files.readString(tmp.resolve(log + ".log"));
        assertThat(p.exitValue()).as(log + ":\n" + out).isZero();
        return out;
    }

    /** The published files, each of which must be one of {@code expected}, byte for byte, and each only once. */
    private static void assertExactlyOnce(Path out, List<Path> expected) throws IOException {
        List<String> names = new ArrayList<>();
        try (var files = Files.list(out)) {
            files.map(p -> p.getFileName().toString()).forEach(names::add);
        }
        Set<String> wanted = new HashSet<>();
        expected.forEach(p -> wanted.add(p.getFileName().toString()));
        assertThat(names).as("no copies (name-2.png), no temp files left").containsExactlyInAnyOrderElementsOf(wanted);
        for (Path p : expected) {
            assertThat(Files.readAllBytes(out.resolve(p.getFileName().toString()))).isEqualTo(Files.readAllBytes(p));
        }
    }

    @Test
    void twoPushesAtOnceOfOverlappingAndDisjointPhotosPublishEachPhotoOnce() throws Exception {
        Dist slow = dist(300);
        Path out = tmp.resolve("out");
        assertThat(slow.run("destinations", "add", "folder", "out", "--path", out.toString()).exit()).isZero();
        List<Path> all = photos(tmp.resolve("photos"), 0, 60);

        List<String> first = new ArrayList<>(List.of("push"));
        all.subList(0, 40).forEach(p -> first.add(p.toString()));
        first.addAll(List.of("--to", "out", "--format", "original"));
        List<String> second = new ArrayList<>(List.of("push"));
        all.subList(20, 60).forEach(p -> second.add(p.toString()));
        second.addAll(List.of("--to", "out", "--format", "original"));
        Process a = start(slow, "push-a", first);
        Process b = start(slow, "push-b", second);
        String logs = finish(a, "push-a") + finish(b, "push-b");

        assertExactlyOnce(out, all);
        assertThat(logs).as("the two pushes ran at the same time").contains("another Lumasync");
        List<String> again = new ArrayList<>(List.of("push"));
        all.forEach(p -> again.add(p.toString()));
        again.addAll(List.of("--to", "out", "--format", "original"));
        Dist.Result r = dist(0).run(again.toArray(String[]::new));
        assertThat(r.out()).as(r.out() + r.err()).contains("0 done, 60 skipped, 0 failed");
    }

    @Test
    void theDaemonWatchingAFolderAndACommandLineSyncAndPushPublishEachPhotoOnce() throws Exception {
        Dist slow = dist(150);
        Path out = tmp.resolve("out");
        Path hot = tmp.resolve("hot");
        List<Path> expected = new ArrayList<>(photos(hot, 0, 20));
        assertThat(slow.run("destinations", "add", "folder", "out", "--path", out.toString()).exit()).isZero();
        Dist.Result added = slow.run("sources", "add", "folder", "hot", "--path", hot.toString(), "--to", "out",
                "--watch", "--format", "original");
        assertThat(added.exit()).as(added.out() + added.err()).isZero();

        Process daemon = start(slow, "daemon", List.of("daemon"));
        try {
            // The daemon catches up with the folder at start; a sync of the same source runs at the same time.
            Process sync = start(slow, "sync-1", List.of("sync", "hot"));
            List<Path> pushed = photos(tmp.resolve("elsewhere"), 100, 110);
            List<String> push = new ArrayList<>(List.of("push"));
            pushed.forEach(p -> push.add(p.toString()));
            push.addAll(List.of("--to", "out", "--format", "original"));
            Process pushing = start(slow, "push", push);
            finish(sync, "sync-1");
            finish(pushing, "push");
            expected.addAll(pushed);

            // New photos while the daemon watches, and another sync right away.
            expected.addAll(photos(hot, 20, 30));
            finish(start(slow, "sync-2", List.of("sync", "hot")), "sync-2");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (count(out) < expected.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(4000); // the watcher's settle time: a late duplicate would show up now
        } finally {
            daemon.destroy(); // SIGTERM: the daemon finishes the images in progress and exits
            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertExactlyOnce(out, expected);
        Dist.Result r = dist(0).run("sync", "hot");
        assertThat(r.out()).as(r.out() + r.err()).contains("0 done, 30 skipped, 0 failed");
    }

    private static long count(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        }
    }

    @Test
    void processesAddingSecretsAtOnceKeepEveryOne() throws Exception {
        Dist cli = dist(0);
        assertThat(cli.run("destinations", "list").exit()).isZero(); // creates the data folder and its database
        int n = 4;
        List<Process> adding = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String secret = "whsec_" + Base64.getEncoder().encodeToString(
                    ("signing secret of hook number " + i).getBytes(StandardCharsets.UTF_8));
            secrets.add(secret);
            Process p = start(cli, "add-" + i, List.of("destinations", "add", "webhook", "hook" + i, "--url",
                    "http://127.0.0.1:9/hook" + i, "--secret-stdin"));
            p.getOutputStream().write((secret + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            adding.add(p);
        }
        for (int i = 0; i < n; i++) {
            finish(adding.get(i), "add-" + i);
        }
        EncryptedFileVault vault = EncryptedFileVault.open(home.resolve(EncryptedFileVault.FILE_NAME),
                PASSPHRASE.toCharArray());
        for (int i = 0; i < n; i++) {
            assertThat(vault.get("destination/hook" + i + "/secret")).as("hook" + i + "'s secret").contains(secrets.get(i));
        }
    }
}
