package io.lumasync.ui.upload;

import io.lumasync.ui.EngineServices;
import io.lumasync.ui.FxTestSupport;
import io.lumasync.ui.TestImages;
import io.lumasync.ui.common.SameThreadTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UploadViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aSecondFileOfTheSameNameIsLeftOutSaidSoRatherThanReplacingTheFirstInTheSameRun() throws Exception {
        Path first = TestImages.jpeg(dir.resolve("monday/photo.jpg"));
        Path second = TestImages.jpeg(dir.resolve("tuesday/photo.jpg"));
        try (EngineServices services = FxTestSupport.engine(dir.resolve("data"))) {
            UploadViewModel vm = new UploadViewModel(services, new SameThreadTasks());

            vm.addFiles(List.of(first, second));

            assertThat(vm.queue()).extracting(UploadItem::file).containsExactly(first);
            assertThat(vm.messageProperty().get()).contains("Left out 1").contains(second.toString());
        }
    }
}
