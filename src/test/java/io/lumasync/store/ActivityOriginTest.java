package io.lumasync.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Activity lines say which door started the work: the process's origin unless a line names its own. */
class ActivityOriginTest {
    private static ActivityEvent line(String asset) {
        return new ActivityEvent(0, Instant.ofEpochMilli(1_000), "synced", "upload", asset, "web", "ok", "", 1, 1);
    }

    @Test
    void linesCarryTheOriginOfTheDatabaseTheyWereWrittenThrough() throws Exception {
        try (Database db = Database.inMemory()) {
            ActivityLog log = new ActivityLog(db);
            log.append(line("from-app.png"));
            db.origin("mcp");
            log.append(line("from-assistant.png"));
            log.append(line("named.png").from("daemon"));

            List<ActivityEvent> events = log.query(Optional.empty(), false, 10);
            assertThat(events).extracting(ActivityEvent::asset, ActivityEvent::origin).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("named.png", "daemon"),
                    org.assertj.core.groups.Tuple.tuple("from-assistant.png", "mcp"),
                    org.assertj.core.groups.Tuple.tuple("from-app.png", ""));
        }
    }

    @Test
    void theMigrationGivesEarlierLinesNoOrigin() throws Exception {
        try (Database db = Database.inMemory()) {
            assertThat(db.schemaVersion()).isGreaterThanOrEqualTo(8);
            assertThat(line("x.png").origin()).isEmpty();
            assertThat(new ActivityEvent(0, Instant.EPOCH, "info", "", "", "", "", "", 0, 0, null).origin()).isEmpty();
        }
    }
}
