package io.lumasync.tray;

import io.lumasync.sync.Notifications;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Desktop notices for engine events: switched-off kinds stay quiet, and many at once become one summary. */
class EventNoticesTest {
    private static Notifications.Event event(String type, Map<String, Object> data) {
        return new Notifications.Event("evt_1", type, Instant.now(), data);
    }

    private static Notifications.Event synced(int i) {
        return event(Notifications.ASSET_SYNCED, Map.of("asset", "photo-" + i + ".jpg", "destination", "blog",
                "message", ""));
    }

    @Test
    void aFewEventsAreToldOneByOne() {
        EventNotices n = new EventNotices();
        n.add(synced(1));
        n.add(event(Notifications.ASSET_FAILED, Map.of("asset", "huge.tif", "destination", "blog",
                "message", "too large")));
        List<EventNotices.Notice> told = n.take(Set.of());
        assertThat(told).extracting(EventNotices.Notice::text)
                .containsExactly("photo-1.jpg → blog", "huge.tif → blog: too large");
        assertThat(told).extracting(EventNotices.Notice::warning).containsExactly(false, true);
        assertThat(n.take(Set.of())).as("each event is told once").isEmpty();
    }

    @Test
    void manyOfAKindAreSummarisedAndSwitchedOffKindsAreDropped() {
        EventNotices n = new EventNotices();
        for (int i = 0; i < 128; i++) {
            n.add(synced(i));
        }
        n.add(event(Notifications.SYNC_COMPLETED, Map.of("done", 128, "failed", 0, "waitingForApproval", 2)));
        n.add(event(Notifications.DESTINATION_CONNECTED, Map.of("destination", "blog")));
        List<EventNotices.Notice> told = n.take(Set.of(Notifications.DESTINATION_CONNECTED));
        assertThat(told).hasSize(2);
        assertThat(told.get(0).title()).isEqualTo("Image published");
        assertThat(told.get(0).text()).isEqualTo("128 at once; the last: photo-127.jpg → blog");
        assertThat(told.get(1).text()).isEqualTo("128 published, 0 failed, 2 waiting for approval");
    }
}
