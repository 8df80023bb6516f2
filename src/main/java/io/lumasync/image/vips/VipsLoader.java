package io.lumasync.image.vips;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds and loads libvips once per process. Where it looks, in order:
 * <ol>
 *   <li>the system property {@code lumasync.libvips} (a library file, or a folder holding one);</li>
 *   <li>the environment variable {@code LUMASYNC_LIBVIPS} (same);</li>
 *   <li>{@code lumasync.native} (set by the build for tests: target/native);</li>
 *   <li>{@code <lumasync.dist>/lib/native} and {@code lib/native} next to the jar (the installed layout);</li>
 *   <li>{@code target/native} next to the compiled classes (running from a source checkout).</li>
 * </ol>
 * An explicit property or variable is the only candidate. The first candidate that exists is loaded; a failure is remembered and reported with the files tried, so the
 * app can say "image engine unavailable" instead of crashing.
 */
public final class VipsLoader {
    public static final String PROPERTY = "lumasync.libvips";

    private static Vips loaded;
    private static VipsUnavailableException failure;

    private VipsLoader() {
    }

    public static synchronized Vips load() throws VipsUnavailableException {
        if (loaded != null) {
            return loaded;
        }
        if (failure != null) {
            throw failure;
        }
        List<String> tried = new ArrayList<>();
        for (Path candidate : candidates()) {
            Optional<Path> file = libraryIn(candidate);
            if (file.isEmpty()) {
                tried.add(candidate + " (no libvips there)");
                continue;
            }
            try {
                SymbolLookup lookup = SymbolLookup.libraryLookup(file.get(), Arena.global());
                loaded = new Vips(lookup, file.get());
                return loaded;
            } catch (IllegalArgumentException | IllegalStateException | VipsException e) {
                failure = new VipsUnavailableException("The image engine is unavailable: libvips at " + file.get()
                        + " could not be loaded (" + e.getMessage() + ").", e);
                throw failure;
            } catch (IllegalCallerException e) {
                failure = new VipsUnavailableException("The image engine is unavailable: native access is not "
                        + "enabled (start Java with --enable-native-access=ALL-UNNAMED).", e);
                throw failure;
            }
        }
        failure = new VipsUnavailableException("The image engine is unavailable: libvips was not found. Tried: "
                + String.join("; ", tried) + ". Rebuild with network access (the build fetches it with npm) "
                + "or set -D" + PROPERTY + "=/path/to/libvips.", null);
        throw failure;
    }

    /** Why the engine is missing, or empty when it loads. */
    public static Optional<String> problem() {
        try {
            load();
            return Optional.empty();
        } catch (VipsUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        addIfSet(out, System.getProperty(PROPERTY));
        addIfSet(out, System.getenv("LUMASYNC_LIBVIPS"));
        if (!out.isEmpty()) {
            return out.subList(0, 1);   // an explicit choice is never silently replaced by another library
        }
        addIfSet(out, System.getProperty("lumasync.native"));
        String dist = System.getProperty("lumasync.dist");
        if (dist != null && !dist.isBlank()) {
            out.add(Path.of(dist, "lib", "native"));
        }
        codeLocation().ifPresent(loc -> {
            Path dir = Files.isDirectory(loc) ? loc : loc.getParent();
            if (dir != null) {
                out.add(dir.resolve("native"));                    // dist/lib/lumasync.jar -> dist/lib/native
                if (dir.getParent() != null) {
                    out.add(dir.getParent().resolve("native"));    // target/classes -> target/native
                }
            }
        });
        return out;
    }

    static Optional<Path> libraryIn(Path candidate) {
        if (Files.isRegularFile(candidate)) {
            return Optional.of(candidate);
        }
        if (!Files.isDirectory(candidate)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(candidate)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("libvips-cpp.so") || (n.startsWith("libvips-cpp") && n.endsWith(".dylib"))
                        || (n.startsWith("libvips") && n.endsWith(".dll"));
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void addIfSet(List<Path> out, String value) {
        if (value != null && !value.isBlank()) {
            out.add(Path.of(value));
        }
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = VipsLoader.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
