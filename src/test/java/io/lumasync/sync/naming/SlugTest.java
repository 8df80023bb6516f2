package io.lumasync.sync.naming;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Slugs: transliteration, separators, length caps at word boundaries. */
class SlugTest {
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Lighthouse at Dawn|60|lighthouse-at-dawn",
            "Café Zürich, 2024!|60|cafe-zurich-2024",
            "Straße & Brücke|60|strasse-and-brucke",
            "Łódź — Ørsted — Æble|60|lodz-orsted-aeble",
            "  --Many   spaces__here--  |60|many-spaces-here",
            "東京タワー at night|60|東京タワー-at-night",
            "a very long title that goes on and on|20|a-very-long-title",
            "supercalifragilisticexpialidocious|10|supercalif",
            "!!!|60|''",
    })
    void slugs(String text, int max, String expected) {
        assertThat(Slug.of(text, max)).isEqualTo(expected.equals("''") ? "" : expected);
    }
}
