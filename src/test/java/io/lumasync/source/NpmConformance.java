package io.lumasync.source;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The vendors' own material from the npm registry, for tests that keep the fakes honest: the official clients
 * ({@code dropbox}) and the types generated from the vendors' specifications (the Stone types in {@code dropbox},
 * the Drive v3 schemas in {@code @googleapis/drive}), checked by the TypeScript compiler. The packages are pinned
 * in {@code src/test/conformance/package-lock.json} and installed once into {@code target/conformance}. Without
 * npm or the registry the tests are skipped, saying why, except under CI, where that fails the build.
 */
public final class NpmConformance {
    private static final Path SOURCE = Path.of("src/test/conformance");
    private static final Path WORK = Path.of("target/conformance");
    private static final long INSTALL_MINUTES = 5;

    /** One answer a fake served, and the spec type its body must have ({@code null}: not checked). */
    public record Served(String what, String type, String json) {
    }

    private NpmConformance() {
    }

    /** The installed packages' folder of the original suite (Dropbox, Drive); skips or fails as {@link #install(String)}. */
    public static Path install() throws Exception {
        return install(SOURCE, WORK);
    }

    /**
     * The installed packages' folder of one vendor's suite, {@code src/test/conformance/<suite>/} (its package.json,
     * package-lock.json and scripts), installed once into {@code target/conformance/<suite>}. Each vendor has its
     * own folder so that pinning one vendor's client never moves another's. Skips (or fails under CI) when the
     * packages cannot be installed.
     */
    public static Path install(String suite) throws Exception {
        if (!suite.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("suite names are lower-case words: " + suite);
        }
        return install(SOURCE.resolve(suite), WORK.resolve(suite));
    }

    private static synchronized Path install(Path source, Path work) throws Exception {
        Files.createDirectories(work);
        try (var files = Files.list(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, work.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path stamp = work.resolve("node_modules/.lumasync-lock");
        String lock = Files.readString(source.resolve("package-lock.json"));
        if (Files.exists(stamp) && Files.readString(stamp).equals(lock)) {
            return work;
        }
        Run r;
        try {
            r = run(work, INSTALL_MINUTES, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        } catch (IOException e) {
            r = new Run(-1, "npm cannot be started: " + e.getMessage());
        }
        if (r.exit() != 0) {
            String why = "the vendors' npm packages could not be installed (" + (r.output() + r.errors()).strip() + ")";
            if (System.getenv("CI") != null) {
                throw new AssertionError("Under CI the conformance tests must run, but " + why);
            }
            Assumptions.abort("Skipped: " + why);
        }
        Files.writeString(stamp, lock);
        return work;
    }

    /** Runs a Node script of the conformance folder; fails with its output when it fails. */
    public static String node(Path dir, String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", script));
        cmd.addAll(List.of(args));
        Run r = run(dir, 2, cmd.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new AssertionError(script + " failed (exit " + r.exit() + "):\n" + r.output() + r.errors());
        }
        return r.output();
    }

    /**
     * Type-checks every body against its spec type with the TypeScript compiler, which refuses missing required
     * fields, wrong types, unknown union tags and fields the type does not have. Returns the compiler's complaints,
     * empty when every body conforms.
     */
    public static Optional<String> typeCheck(Path dir, String imports, String helpers, List<Served> bodies)
            throws Exception {
        StringBuilder ts = new StringBuilder(imports).append('\n').append(helpers).append('\n');
        int n = 0;
        for (Served b : bodies) {
            if (b.type() != null) {
                ts.append("// ").append(b.what().replaceAll("[\\r\\n]", " ")).append('\n')
                        .append("export const body").append(n++).append(": ").append(b.type()).append(" = ")
                        .append(b.json()).append(";\n");
            }
        }
        Path file = Files.createTempFile(dir, "check-", ".ts");
        try {
            Files.writeString(file, ts, StandardCharsets.UTF_8);
            Run r = run(dir, 3, "node", "node_modules/typescript/bin/tsc", "--noEmit", "--strict", "--skipLibCheck",
                    "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
                    file.getFileName().toString());
            return r.exit() == 0 ? Optional.empty() : Optional.of(r.output() + r.errors() + "\n--- " + file + ":\n" + ts);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Every answer a WireMock-based fake served, with the type {@code typeOf} names for it. */
    public static List<Served> served(OAuthApiFake fake, Function<ServeEvent, Optional<Served>> typeOf) {
        List<Served> out = new ArrayList<>();
        for (ServeEvent e : fake.wireMock().getAllServeEvents()) {
            typeOf.apply(e).ifPresent(out::add);
        }
        return out;
    }

    /** The element of a client's JSON array whose {@code name} is {@code name}. */
    public static com.fasterxml.jackson.databind.JsonNode named(com.fasterxml.jackson.databind.JsonNode array, String name) {
        for (com.fasterxml.jackson.databind.JsonNode n : array) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    /** A client's JSON array of strings. */
    public static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** {@code output} is what the command printed; {@code errors} its error stream. */
    private record Run(int exit, String output, String errors) {
        Run(int exit, String output) {
            this(exit, output, "");
        }
    }

    private static Run run(Path dir, long minutes, String... cmd) throws Exception {
        Path out = Files.createTempFile("conformance-", ".out");
        Path err = Files.createTempFile("conformance-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Run(-1, String.join(" ", cmd) + " took longer than " + minutes + " minutes");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
