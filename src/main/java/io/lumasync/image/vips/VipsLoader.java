package io.lumasync.image.vips;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
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
// The libvips binding is where native calls belong: FFM's restricted methods are its job (the launchers
// enable native access for it).
@SuppressWarnings("restricted")
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
        return libraryIn(candidate, System.getProperty("os.name", ""));
    }

    /** The libvips file the loader takes from {@code candidate} (a file, or a folder holding one) on that OS. */
    static Optional<Path> libraryIn(Path candidate, String osName) {
        if (Files.isRegularFile(candidate)) {
            return Optional.of(candidate);
        }
        if (!Files.isDirectory(candidate)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(candidate)) {
            files = list.sorted().toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Predicate<String> name : libraryNames(osName)) {
            Optional<Path> found = files.stream().filter(p -> name.test(p.getFileName().toString())).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Names of a library exporting the libvips C API, the bundled build's first, then a system libvips'. Windows:
     * sharp's package puts the C API (with GLib) in libvips-42.dll; libvips-cpp-*.dll beside it is only the C++
     * wrapper. macOS and Linux: sharp's libvips-cpp library exports the whole C API.
     */
    private static List<Predicate<String>> libraryNames(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of(n -> n.equals("libvips-42.dll"));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return List.of(n -> n.startsWith("libvips-cpp.") && n.endsWith(".dylib"), n -> n.equals("libvips.42.dylib"));
        }
        return List.of(n -> n.startsWith("libvips-cpp.so"), n -> n.startsWith("libvips.so.42"));
    }

    /**
     * Prints the file the loader would take from a folder on an OS, e.g. {@code VipsLoader lib/native "Windows 11"}
     * (used by scripts/check-libvips-platforms on each platform's package). Exit 1 when there is none.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: VipsLoader FOLDER OS-NAME   (OS-NAME as Java's os.name: Linux, Mac OS X, "
                    + "Windows 11)");
            System.exit(2);
        }
        Optional<Path> file = libraryIn(Path.of(args[0]), args[1]);
        if (file.isEmpty()) {
            System.err.println("no libvips for " + args[1] + " in " + args[0]);
            System.exit(1);
        }
        System.out.println(file.get());
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
