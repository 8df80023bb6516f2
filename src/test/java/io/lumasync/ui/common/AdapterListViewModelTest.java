package io.lumasync.ui.common;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.ConfiguredAdapter;
import io.lumasync.sync.SourceInfo;
import io.lumasync.sync.SyncService;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.destinations.DestinationsViewModel;
import io.lumasync.ui.sources.SourcesViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The state both adapter panes share, over the real engine: what a save or a removal leaves on screen. */
class AdapterListViewModelTest {
    @TempDir
    Path dir;
    private EngineServices services;
    private DestinationsViewModel destinations;
    private SourcesViewModel sources;

    @BeforeEach
    void open() throws Exception {
        services = EngineServices.withAutosync(SyncService.open(dir.resolve("data"), new InMemorySecretVault(),
                new PassThroughPipeline(), new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false)));
        destinations = new DestinationsViewModel(services, new SameThreadTasks());
        sources = new SourcesViewModel(services, new SameThreadTasks());
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Map<String, String> folder(String name) throws Exception {
        return Map.of("path", Files.createDirectories(dir.resolve(name)).toString());
    }

    @Test
    void bothFamiliesShowTheSavedListAndSayWhatARemovalLeavesBehind() throws Exception {
        destinations.save("web", "folder", folder("web"), Map.of());
        sources.refresh();
        sources.save(SourceInfo.of("exports", "folder", folder("photos"), List.of("web")), Map.of());
        assertThat(destinations.names()).containsExactly("web");
        assertThat(sources.names()).containsExactly("exports");
        assertThat(sources.destinationNames()).containsExactly("web");
        assertThat(sources.messageProperty().get()).isEqualTo("Saved \"exports\". Its images appear in Browse.");

        sources.remove("exports");
        destinations.remove("web");
        for (AdapterListViewModel<? extends ConfiguredAdapter> vm : List.of(sources, destinations)) {
            assertThat(vm.items()).isEmpty();
            assertThat(vm.failedProperty().get()).isFalse();
            assertThat(vm.busyProperty().get()).as("Save can be pressed again").isFalse();
        }
        assertThat(sources.messageProperty().get()).contains("Images already published stay where they are.");
        assertThat(destinations.messageProperty().get()).contains("keychain entries");
        assertThat(services.sources()).isEmpty();
        assertThat(services.destinations()).isEmpty();
    }

    @Test
    void aSaveTheEngineRefusesSaysWhyAndLeavesSaveUsable() throws Exception {
        sources.save(SourceInfo.of("exports", "folder", folder("photos"), List.of("nowhere")), Map.of());
        assertThat(sources.failedProperty().get()).isTrue();
        assertThat(sources.messageProperty().get()).contains("nowhere");
        assertThat(sources.busyProperty().get()).isFalse();
        assertThat(services.sources()).isEmpty();

        destinations.save("web", "ftp", Map.of(), Map.of());
        assertThat(destinations.failedProperty().get()).isTrue();
        assertThat(destinations.messageProperty().get()).contains("ftp");
        assertThat(destinations.busyProperty().get()).isFalse();
    }
}
