package io.lumasync.ui.settings;

import io.lumasync.platform.Autostart;
import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.common.SameThreadTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void openLogFolderShowsTheDataFoldersLogFolderMakingItFirst() throws Exception {
        Path data = dir.resolve("data");
        try (EngineServices services = FxTestSupport.engine(data)) {
            SettingsViewModel vm = new SettingsViewModel(services, new SameThreadTasks(),
                    Autostart.of(Map.of(), "Linux", dir.toString(), Optional.empty(), command -> 0));
            vm.load();
            List<String> opened = new ArrayList<>();
            vm.openLogFolder(opened::add);
            Path logs = Path.of(vm.dataDir.get()).resolve("logs");
            assertThat(opened).containsExactly(logs.toUri().toString());
            assertThat(logs).isDirectory();
        }
    }
}
