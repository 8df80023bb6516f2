package io.lumasync.sync.alt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-line answer (alt text and caption) a vision model gives when WordPress also wants a caption. */
class AltPromptTest {

    @Test
    void theCaptionPromptAsksForTwoLabelledLinesInTheLanguage() {
        String p = AltPrompt.withCaption("pt-PT");
        assertThat(p).contains("in Portuguese").contains("\nALT: ").contains("\nCAPTION: ")
                .doesNotContain("Answer with the alt text only");
        assertThat(AltPrompt.forLanguage("en")).as("the alt-only prompt is unchanged")
                .endsWith("Answer with the alt text only.");
    }

    @Test
    void labelledLinesAreReadWhateverTheirDressing() {
        assertThat(AltPrompt.parse("ALT: A tram climbs a narrow street\nCAPTION: Dusk in the old town", true))
                .isEqualTo(new AltPrompt.Answer("A tram climbs a narrow street", "Dusk in the old town"));
        assertThat(AltPrompt.parse("**Alt text:** photo of a red door\r\n- **Caption:** \"Doors of Lisbon\"\n", true))
                .isEqualTo(new AltPrompt.Answer("A red door", "Doors of Lisbon"));
        assertThat(AltPrompt.parse("caption: First the caption\nalt: then the alt", true))
                .isEqualTo(new AltPrompt.Answer("Then the alt", "First the caption"));
    }

    @Test
    void anAnswerWithoutLabelsIsAllAltTextAndNoCaption() {
        assertThat(AltPrompt.parse("A heron stands in shallow water", true))
                .isEqualTo(new AltPrompt.Answer("A heron stands in shallow water", ""));
        assertThat(AltPrompt.parse("ALT: A heron\nCAPTION: ignored", false).caption())
                .as("no caption asked, none read").isEmpty();
    }

    @Test
    void aLongCaptionIsCappedAtAWord() {
        String words = "word ".repeat(80);
        String caption = AltPrompt.parse("ALT: x\nCAPTION: " + words, true).caption();
        assertThat(caption).hasSizeLessThanOrEqualTo(AltPrompt.MAX_CAPTION).endsWith("word…");
    }
}
