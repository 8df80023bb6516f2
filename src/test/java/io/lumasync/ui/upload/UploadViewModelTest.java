package io.lumasync.ui.upload;

import io.lumasync.ui.FakeAppServices;
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
        try (FakeAppServices services = new FakeAppServices(dir.resolve("data"))) {
            UploadViewModel vm = new UploadViewModel(services, new SameThreadTasks());

            vm.addFiles(List.of(first, second));

            assertThat(vm.queue()).extracting(UploadItem::file).containsExactly(first);
            assertThat(vm.messageProperty().get()).contains("Left out 1").contains(second.toString());
        }
    }
}
