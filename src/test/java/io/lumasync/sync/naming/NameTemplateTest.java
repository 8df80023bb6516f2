package io.lumasync.sync.naming;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file-name template: tokens, unicode, empty values, length caps, collisions. */
class NameTemplateTest {
    private static NameTemplate.Facts facts(String title, String original) {
        return new NameTemplate.Facts(title, Optional.of(LocalDate.of(2026, 5, 12)), 7, "Canon EOS R5", "Client Shoot",
                "2026/Lisboa Trip", original, 2048, "a lighthouse at dawn with long exposure over a calm sea", "webp");
    }

    private static String render(String template, NameTemplate.Facts f) {
        return NameTemplate.parse(template).render(f, n -> false);
    }

    @Test
    void everyTokenHasItsValue() {
        NameTemplate.Facts f = facts("Tram at Dusk", "IMG_2034");
        assertThat(render("{slug}.{ext}", f)).isEqualTo("tram-at-dusk.webp");
        assertThat(render("{date:yyyy/MM}/{slug}-{width}w.{ext}", f)).isEqualTo("2026/05/tram-at-dusk-2048w.webp");
        assertThat(render("{source}-{sequence:3}.{ext}", f)).isEqualTo("client-shoot-007.webp");
        assertThat(render("{camera}_{original}.{ext}", f)).isEqualTo("canon-eos-r5_img-2034.webp");
        assertThat(render("{folder}/{date}-{title}.{ext}", f)).isEqualTo("2026/lisboa-trip/2026-05-12-tram-at-dusk.webp");
        assertThat(render("{prompt_short}.{ext}", f)).isEqualTo("a-lighthouse-at-dawn-with-long.webp");
    }

    @Test
    void unicodeIsTransliterated() {
        assertThat(render("{title}.{ext}", facts("Café in Zürich — Straße", "x"))).isEqualTo("cafe-in-zurich-strasse.webp");
        assertThat(render("{title}.{ext}", facts("東京 夜景", "x"))).isEqualTo("東京-夜景.webp");
    }

    @Test
    void emptyTokensLeaveNoStrayHyphensAndNeverAnEmptyName() {
        NameTemplate.Facts noDate = new NameTemplate.Facts("", Optional.empty(), 1, "", "", "", "Sunset Photo", 0, "",
                "jpg");
        assertThat(render("{date}-{title}-{width}.{ext}", noDate)).isEqualTo("sunset-photo.jpg");
        assertThat(render("{camera}/{title}.{ext}", noDate)).isEqualTo("sunset-photo.jpg");
    }

    @Test
    void longNamesAreCappedAtAWordBoundary() {
        String title = "a very long title about a mountain lake ".repeat(6);
        String name = render("{title}.{ext}", facts(title, "x"));
        assertThat(name).endsWith(".webp");
        String stem = name.substring(0, name.length() - 5);
        assertThat(stem.length()).isLessThanOrEqualTo(NameTemplate.MAX_LENGTH);
        assertThat(stem).startsWith("a-very-long-title").doesNotEndWith("-");
    }

    @Test
    void collisionsGetANumberAndStayWithinTheCap() {
        Set<String> taken = new HashSet<>();
        NameTemplate t = NameTemplate.parse("{slug}.{ext}");
        for (int i = 0; i < 4; i++) {
            taken.add(t.render(facts("Harbour", "x"), taken::contains));
        }
        assertThat(taken).containsExactlyInAnyOrder("harbour.webp", "harbour-2.webp", "harbour-3.webp", "harbour-4.webp");
        Set<String> longTaken = new HashSet<>();
        String longTitle = "x".repeat(200);
        String first = t.render(facts(longTitle, "x"), longTaken::contains);
        longTaken.add(first);
        String second = t.render(facts(longTitle, "x"), longTaken::contains);
        assertThat(second).endsWith("-2.webp").hasSizeLessThanOrEqualTo(NameTemplate.MAX_LENGTH + 5);
    }

    @Test
    void aFolderNeverClimbsOut() {
        NameTemplate.Facts f = new NameTemplate.Facts("t", Optional.empty(), 1, "", "", "../../etc/..", "x", 0, "",
                "png");
        assertThat(render("{folder}/{title}.{ext}", f)).isEqualTo("etc/t.png");
    }

    @Test
    void badTemplatesAreRefusedWhenSaved() {
        assertThatThrownBy(() -> NameTemplate.parse("{titel}.{ext}")).hasMessageContaining("Unknown token {titel}");
        assertThatThrownBy(() -> NameTemplate.parse("{title}")).hasMessageContaining(".{ext}");
        assertThatThrownBy(() -> NameTemplate.parse("{date:yyyy-qqqqqq-'}.{ext}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
