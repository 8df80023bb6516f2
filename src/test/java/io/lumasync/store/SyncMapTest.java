package io.lumasync.store;

import io.lumasync.core.Fingerprint;
import io.lumasync.core.RemoteRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SyncMapTest {
    private static SyncMapEntry entry(String asset, String destination) {
        return new SyncMapEntry("album", asset, destination, asset, new Fingerprint(10, 1, "h"), "settings", "meta-old",
                new RemoteRef("id-" + asset, "https://example.invalid/" + asset), "WEBP", 10, 5, Instant.EPOCH);
    }

    @Test
    void metadataHashChangesOnTheOneRowItBelongsTo() throws Exception {
        try (Database db = Database.inMemory()) {
            SyncMap map = new SyncMap(db);
            map.upsert(entry("a.jpg", "blog"));
            map.upsert(entry("a.jpg", "shop"));
            map.upsert(entry("b.jpg", "blog"));

            db.inTransaction(c -> {
                SyncMap.setMetadataHash(c, "album", "a.jpg", "blog", "meta-new");
                return null;
            });

            assertThat(map.get("album", "a.jpg", "blog")).map(SyncMapEntry::metadataHash).contains("meta-new");
            assertThat(map.get("album", "a.jpg", "shop")).map(SyncMapEntry::metadataHash).contains("meta-old");
            assertThat(map.get("album", "b.jpg", "blog")).map(SyncMapEntry::metadataHash).contains("meta-old");
            assertThat(map.get("album", "a.jpg", "blog")).map(SyncMapEntry::remote)
                    .isEqualTo(Optional.of(new RemoteRef("id-a.jpg", "https://example.invalid/a.jpg")));
        }
    }
}
