package io.lumasync.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A source's small private state between runs (what the last listing saw, versions and hashes), one JSON file in
 * its data folder, replaced atomically. Losing it is harmless: the next listing rebuilds it from the service.
 *
 * @param <T> the record the file holds
 */
public final class AdapterState<T> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Class<T> type;

    public AdapterState(Path dataDir, String name, Class<T> type) {
        this.file = dataDir.resolve(name);
        this.type = type;
    }

    /** The saved state; empty when there is none or it cannot be read. */
    public Optional<T> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(T state) throws LumasyncException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot save the source's listing state in "
                    + file.getParent() + " (" + e.getMessage() + "). Check the free disk space.", e);
        }
    }
}
