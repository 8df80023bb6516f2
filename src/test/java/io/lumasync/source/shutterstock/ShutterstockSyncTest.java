package io.lumasync.source.shutterstock;

import io.lumasync.source.SyncOverFake;
import io.lumasync.sync.PlanCounts;
import io.lumasync.sync.alt.AltMode;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine over Shutterstock: licensed images published once, an upgraded licence replaced, a refund removed. */
class ShutterstockSyncTest {
    @TempDir
    Path dir;

    @Test
    void licensedImagesArePublishedOnceAndFollowTheirLicences() throws Exception {
        try (FakeShutterstock fake = new FakeShutterstock(2)) {
            String a = fake.addImage("Dunes", TestImages.jpeg(1), List.of("desert"));
            String b = fake.addImage("Harbour", TestImages.jpeg(2), List.of("sea"));
            String c = fake.addImage("Forest", TestImages.jpeg(3), List.of("trees"));
            fake.addImage("Not licensed", TestImages.jpeg(4), List.of());
            fake.license(a, TestImages.jpeg(1));
            fake.license(b, TestImages.jpeg(2));
            fake.license(c, TestImages.jpeg(3));
            try (SyncOverFake engine = new SyncOverFake(dir, "stock", ShutterstockSourceType.ID,
                    Map.of("api_url", fake.baseUri().toString()))) {
                engine.secrets.put("token", FakeShutterstock.TOKEN);
                assertThat(engine.sync()).isEqualTo(new PlanCounts(3, 0, 0, 0, 0));
                assertThat(engine.published()).isEqualTo(3);

                int served = fake.links.served();
                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 0, 0, 3, 0));
                assertThat(fake.links.served()).as("nothing downloaded again").isEqualTo(served);

                fake.license(b, TestImages.jpeg(5));
                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 1, 0, 2, 0));

                fake.withdraw(c);
                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 0, 0, 2, 1));
                assertThat(engine.published()).isEqualTo(2);
            }
        }
    }

    @Test
    void descriptionsBecomeAltTextAndARewrittenDescriptionIsUpdatedInPlace() throws Exception {
        try (FakeShutterstock fake = new FakeShutterstock(2)) {
            String a = fake.addImage("Sand dunes at sunrise in the Namib desert", TestImages.jpeg(1), List.of("desert"));
            String b = fake.addImage("Fishing boats in a harbour", TestImages.jpeg(2), List.of("sea", "boats"));
            fake.license(a, TestImages.jpeg(1));
            fake.license(b, TestImages.jpeg(2));
            try (SyncOverFake engine = new SyncOverFake(dir, "stock", ShutterstockSourceType.ID,
                    Map.of("api_url", fake.baseUri().toString()))) {
                engine.secrets.put("token", FakeShutterstock.TOKEN);
                engine.altMode(AltMode.EMBEDDED);
                assertThat(engine.sync()).isEqualTo(new PlanCounts(2, 0, 0, 0, 0));
                assertThat(engine.altTexts()).containsOnly(Map.entry(a, "Sand dunes at sunrise in the Namib desert"),
                        Map.entry(b, "Fishing boats in a harbour"));

                int served = fake.links.served();
                fake.describe(b, "Fishing boats moored in Peniche harbour at dawn");
                assertThat(engine.sync()).as("only the text is sent again").isEqualTo(new PlanCounts(0, 0, 1, 1, 0));
                assertThat(fake.links.served()).as("nothing downloaded again").isEqualTo(served);
                assertThat(engine.altTexts()).containsEntry(b, "Fishing boats moored in Peniche harbour at dawn")
                        .containsEntry(a, "Sand dunes at sunrise in the Namib desert");

                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 0, 0, 2, 0));
            }
        }
    }

    @Test
    void withAltTextOffTheDescriptionStillTravelsAsTitleButNoAltTextIsWritten() throws Exception {
        try (FakeShutterstock fake = new FakeShutterstock(2)) {
            String a = fake.addImage("Sand dunes at sunrise", TestImages.jpeg(1), List.of("desert"));
            fake.license(a, TestImages.jpeg(1));
            try (SyncOverFake engine = new SyncOverFake(dir, "stock", ShutterstockSourceType.ID,
                    Map.of("api_url", fake.baseUri().toString()))) {
                engine.secrets.put("token", FakeShutterstock.TOKEN);
                assertThat(engine.sync()).isEqualTo(new PlanCounts(1, 0, 0, 0, 0));
                assertThat(engine.altTexts()).containsOnly(Map.entry(a, ""));
                fake.describe(a, "Sand dunes at dusk");
                assertThat(engine.sync()).as("the new title and keywords are sent in place")
                        .isEqualTo(new PlanCounts(0, 0, 1, 0, 0));
            }
        }
    }

    private static Map<String, String> settings(FakeShutterstock fake) {
        return Map.of("api_url", fake.baseUri().toString());
    }

    @Test
    void healthSaysWhetherTheTokenIsThereAndAccepted() throws Exception {
        try (FakeShutterstock fake = new FakeShutterstock(2)) {
            fake.license(fake.addImage("Dunes", TestImages.jpeg(1), List.of()), TestImages.jpeg(1));
            try (SyncOverFake engine = new SyncOverFake(dir, "src", ShutterstockSourceType.ID, settings(fake))) {
                assertThat(engine.health()).as("no token in the vault").hasValueSatisfying(m -> assertThat(m)
                        .containsIgnoringCase("token"));
                engine.secrets.put("token", "revoked-" + FakeShutterstock.TOKEN);
                assertThat(engine.health()).as("a refused token").hasValueSatisfying(m -> assertThat(m)
                        .containsIgnoringCase("token").doesNotContain(FakeShutterstock.TOKEN));
            }
            try (SyncOverFake engine = new SyncOverFake(dir.resolve("2"), "src", ShutterstockSourceType.ID, settings(fake))) {
                engine.secrets.put("token", FakeShutterstock.TOKEN);
                assertThat(engine.health()).as("connected").isEmpty();
            }
        }
    }
}
