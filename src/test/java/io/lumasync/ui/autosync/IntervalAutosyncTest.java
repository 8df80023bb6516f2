package io.lumasync.ui.autosync;

import io.lumasync.sync.RunReport;
import io.lumasync.sync.SourceInfo;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalAutosyncTest {
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final List<List<String>> runs = new CopyOnWriteArrayList<>();
    private final List<SourceInfo> sources = new ArrayList<>(List.of(
            SourceInfo.of("photos", "folder", Map.of("path", "/p"), List.of("blog")),
            SourceInfo.of("manual", "folder", Map.of("path", "/m"), List.of("blog"))));

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final IntervalAutosync autosync = new IntervalAutosync(new IntervalAutosync.Engine() {
        @Override
        public List<SourceInfo> sources() {
            return List.copyOf(sources);
        }

        @Override
        public RunReport run(List<String> names) {
            runs.add(names);
            return new RunReport(false, Map.of(), List.of(), List.of());
        }

        @Override
        public void save(SourceInfo s) {
            sources.replaceAll(o -> o.name().equals(s.name()) ? s : o);
        }
    }, clock);

    @Test
    void runsASourceWhenItsIntervalHasPassedAndOnlyThen() throws Exception {
        List<RunReport> heard = new CopyOnWriteArrayList<>();
        autosync.addListener(heard::add);
        autosync.schedule("photos", Optional.of(Duration.ofMinutes(15)), false);
        assertThat(sources.getFirst().interval()).contains(Duration.ofMinutes(15));
        assertThat(autosync.nextRun("photos")).contains(now.plus(Duration.ofMinutes(15)));
        assertThat(autosync.nextRun("manual")).isEmpty();

        autosync.tick();
        assertThat(runs).isEmpty();

        now = now.plus(Duration.ofMinutes(16));
        autosync.tick();
        assertThat(runs).containsExactly(List.of("photos"));
        assertThat(heard).hasSize(1);
        assertThat(autosync.lastRun()).isPresent();
        assertThat(autosync.nextRun("photos")).contains(now.plus(Duration.ofMinutes(15)));

        autosync.pause();
        now = now.plus(Duration.ofHours(1));
        autosync.tick();
        assertThat(runs).hasSize(1);
        assertThat(autosync.nextRun("photos")).isEmpty();
        autosync.resume();
        autosync.tick();
        assertThat(runs).hasSize(2);
        autosync.close();
    }
}
