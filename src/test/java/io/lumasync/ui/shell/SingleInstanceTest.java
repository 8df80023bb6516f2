package io.lumasync.ui.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SingleInstanceTest {
    @TempDir
    Path data;

    @Test
    void aSecondLaunchHandsItsFilesToTheFirstAndGoesAway() throws Exception {
        Optional<SingleInstance> first = SingleInstance.claim(data, List.of());
        assertThat(first).isPresent();
        BlockingQueue<List<Path>> received = new ArrayBlockingQueue<>(4);
        first.get().listen(received::add);

        Optional<SingleInstance> second = SingleInstance.claim(data, List.of(Path.of("/photos/a b.jpg"), Path.of("/x.png")));

        assertThat(second).isEmpty();
        assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(Path.of("/photos/a b.jpg"), Path.of("/x.png"));
        first.get().close();
        assertThat(data.resolve(SingleInstance.PORT_FILE)).doesNotExist();
    }

    @Test
    void aStalePortFileFromACrashIsIgnored() throws Exception {
        Files.writeString(data.resolve(SingleInstance.PORT_FILE), "1\nnot-a-real-token\n");
        Optional<SingleInstance> mine = SingleInstance.claim(data, List.of());
        assertThat(mine).isPresent();
        assertThat(Files.readAllLines(data.resolve(SingleInstance.PORT_FILE)).getFirst())
                .isEqualTo(Integer.toString(mine.get().port()));
        mine.get().close();
    }

    @Test
    void aCallerWithoutTheTokenIsNotHeard() throws Exception {
        SingleInstance mine = SingleInstance.claim(data, List.of()).orElseThrow();
        BlockingQueue<List<Path>> received = new ArrayBlockingQueue<>(4);
        mine.listen(received::add);
        Path forged = data.resolve("forged");
        Files.writeString(forged, mine.port() + "\nwrong-token\n");
        assertThat(SingleInstance.handOver(forged, List.of(Path.of("/etc/passwd")))).isFalse();
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        mine.close();
    }
}
