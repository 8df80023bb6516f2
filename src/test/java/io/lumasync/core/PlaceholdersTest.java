package io.lumasync.core;

import io.lumasync.core.Placeholders.Syntax;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTest {
    private static final Map<String, String> VALUES = Map.of("filename", "heron.jpg", "folder", "{filename}",
            "token", "$1\\x");

    private static String fill(String template, Syntax syntax) {
        return Placeholders.fill(template, syntax, name -> Optional.ofNullable(VALUES.get(name)));
    }

    @Test
    void eachSyntaxFillsItsOwnPlaceholdersOnly() {
        assertThat(fill("{{ folder }}/{{filename}} {filename} <filename>", Syntax.DOUBLE_BRACES))
                .isEqualTo("{filename}/heron.jpg {filename} <filename>");
        assertThat(fill("{folder}/{filename} {{x}} <filename>", Syntax.BRACES))
                .isEqualTo("{filename}/heron.jpg {{x}} <filename>");
        assertThat(fill("<filename> {filename}", Syntax.ANGLE)).isEqualTo("heron.jpg {filename}");
    }

    @Test
    void aValueIsNeverReadAsATemplateAndReplacementCharactersStayLiteral() {
        assertThat(fill("{folder}", Syntax.BRACES)).isEqualTo("{filename}");
        assertThat(fill("Bearer {{token}}", Syntax.DOUBLE_BRACES)).isEqualTo("Bearer $1\\x");
    }

    @Test
    void aPlaceholderWithoutAValueStaysAsWrittenSoItCanBeNamed() {
        assertThat(fill("https://{site}/wp-json/{filename}", Syntax.BRACES))
                .isEqualTo("https://{site}/wp-json/heron.jpg");
        assertThat(Placeholders.names("https://{site}/{b}/{site}/{a}", Syntax.BRACES))
                .containsExactly("site", "b", "a");
    }

    @Test
    void jsonAroundDoubleBracesIsLeftAlone() {
        assertThat(fill("{\"a\":{\"b\":\"{{filename}}\"}}", Syntax.DOUBLE_BRACES))
                .isEqualTo("{\"a\":{\"b\":\"heron.jpg\"}}");
        assertThat(Placeholders.names("{\"a\":{\"b\":1}}", Syntax.BRACES)).isEmpty();
    }

    @Test
    void fillAllGivesTheShapeOfTheFilledText() {
        assertThat(Placeholders.fillAll("https://{site}/{{ folder_path }}{{filename}}?k=<key>", "x"))
                .isEqualTo("https://x/xx?k=<key>");
    }

    @Test
    void writtenFormMatchesTheSyntax() {
        for (Syntax s : Syntax.values()) {
            assertThat(Placeholders.names(s.written("alt_text"), s)).containsExactly("alt_text");
        }
    }
}
