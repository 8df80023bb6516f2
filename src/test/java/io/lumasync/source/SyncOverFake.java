package io.lumasync.source;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.DestinationTypes;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.store.ConfigStore;
import io.lumasync.store.Database;
import io.lumasync.store.DestinationRecord;
import io.lumasync.store.SourceRecord;
import io.lumasync.sync.PlanCounts;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SyncListener;
import io.lumasync.sync.SyncService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real engine over a source whose settings point at a vendor fake, publishing to a folder: what
 * {@code lumasync sources add … --to folder-dest} and {@code lumasync sync} do, with the fake's addresses saved
 * directly (the form does not take test-only settings). Deletions are carried out whatever their share.
 */
public final class SyncOverFake implements AutoCloseable {
    public static final String DESTINATION = "out";
    public final VaultSecrets secrets;
    public final Path out;
    private final String name;
    private final SyncService service;

    public SyncOverFake(Path dir, String name, String typeId, Map<String, String> settings) throws Exception {
        this.name = name;
        SecretVault vault = new InMemorySecretVault();
        secrets = VaultSecrets.forSource(vault, name);
        out = dir.resolve("published");
        Path data = dir.resolve("data");
        service = SyncService.open(data, vault, new PassThroughPipeline(),
                new SyncService.Options(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1)),
                        1, 1, false));
        try (Database db = Database.open(data.resolve("lumasync.db"))) {
            ConfigStore config = new ConfigStore(db);
            AdapterConfig folder = DestinationTypes.localFolder(DESTINATION, out);
            config.addDestination(new DestinationRecord(DESTINATION, folder.typeId(), folder.settings(), Instant.now(),
                    Optional.empty(), Optional.empty()));
            config.addSource(new SourceRecord(name, typeId, settings, List.of(DESTINATION), EncodeSettings.defaults(),
                    false, Optional.empty(), true, 1.0, Optional.empty(), Optional.empty(), Optional.empty()));
        }
    }

    /** One sync of the source; what it planned for the folder. */
    public PlanCounts sync() throws Exception {
        RunReport r = service.syncSources(List.of(name), false, false, SyncListener.NONE);
        if (!r.problems().isEmpty()) {
            throw new AssertionError("the run reported problems: " + r.problems());
        }
        return r.plan().getOrDefault(DESTINATION, PlanCounts.ZERO);
    }

    /** The folder destination's alt-text mode, as `lumasync alt mode` sets it. */
    public void altMode(io.lumasync.sync.alt.AltMode mode) throws Exception {
        service.ai().setAltMode(DESTINATION, mode);
    }

    /** The alt text published with each asset at the folder, by asset id. */
    public Map<String, String> altTexts() throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        service.altTexts(Optional.of(DESTINATION), false).forEach(e -> out.put(e.assetId(), e.altText()));
        return out;
    }

    /** The source's connection health as doctor shows it: empty when connected, else what is wrong. */
    public Optional<String> health() throws Exception {
        return service.tokenHealth().getOrDefault(name, Optional.of("not probed"));
    }

    /** The engine's current suggestions. */
    public List<io.lumasync.sync.Suggestion> suggestions() throws Exception {
        return service.suggestions();
    }

    /** How many files the folder holds now. */
    public long published() throws Exception {
        if (!Files.exists(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
