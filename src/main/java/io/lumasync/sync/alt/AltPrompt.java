package io.lumasync.sync.alt;

import io.lumasync.image.EmbeddedText;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words around alt text: the prompt a vision model gets, the cleaning of its answer, and alt text made from a
 * file's embedded caption. Alt text is literal and short (WCAG's "text alternative" serves the image's purpose; the
 * W3C's alt decision tree and most CMS guides keep it near 125 characters), and never begins with "image of", which
 * screen readers already announce.
 */
public final class AltPrompt {
    static final int MAX_LENGTH = 125;
    /** Captions run a little longer than alt text: one sentence under the image. */
    static final int MAX_CAPTION = 200;
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)^\\s*(?:[-*]\\s*)?(?:\\*\\*)?(alt(?:\\s*text)?|caption)(?:\\*\\*)?\\s*:(?:\\*\\*)?\\s*(.*)$");
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "(?i)^(alt(ernative)? text\\s*[:\\-]\\s*)?((an?|the)\\s+)?(close-?up\\s+)?"
                    + "(image|photo|photograph|picture|illustration|rendering|screenshot)\\s+(of|showing|shows)\\s+");
    private static final int MAX_KEYWORDS = 6;

    private AltPrompt() {
    }

    /** The instruction sent with the small copy; asks for the answer in the destination's language. */
    public static String forLanguage(String languageTag) {
        Locale l = Locale.forLanguageTag(languageTag);
        String language = l.getDisplayLanguage(Locale.ENGLISH);
        if (language.isEmpty()) {
            language = "English";
        }
        return "Write the alt text for this image on a web page, in " + language + ". Describe literally and "
                + "concisely what is visible: the main subject, what it does, and the setting, in one sentence of at "
                + "most " + MAX_LENGTH + " characters. Do not begin with \"image of\", \"photo of\" or \"picture of\". "
                + "Do not guess names, brands, places or feelings that cannot be seen. Answer with the alt text only.";
    }

    /**
     * The instruction asking for alt text and, in the same answer, a caption shown under the image: two labelled
     * lines, {@code ALT:} and {@code CAPTION:}, read back by {@link #parse}.
     */
    public static String withCaption(String languageTag) {
        return forLanguage(languageTag).replace(" Answer with the alt text only.", "") + " Then write a caption "
                + "for readers to see under the image: one short sentence of at most " + MAX_CAPTION + " characters "
                + "that adds to the alt text rather than repeating it, with no names, brands or places that cannot "
                + "be seen. Answer with exactly two lines and nothing else:\nALT: the alt text\nCAPTION: the caption";
    }

    /** Alt text and caption from one answer; the caption is empty when only alt text was asked for. */
    public record Answer(String altText, String caption) {
    }

    /**
     * Reads a model's answer. With a caption asked for, the lines labelled {@code ALT:} and {@code CAPTION:} (in
     * any case, with or without Markdown emphasis or a list dash); an answer without the labels is taken whole as
     * the alt text, with no caption, rather than guessing which part is which.
     */
    public static Answer parse(String answer, boolean caption) {
        if (!caption) {
            return new Answer(clean(answer), "");
        }
        String alt = null;
        String cap = "";
        for (String line : answer.split("\\R")) {
            Matcher m = LABELLED.matcher(line);
            if (m.matches()) {
                if (m.group(1).toLowerCase(Locale.ROOT).startsWith("alt")) {
                    alt = alt == null ? m.group(2) : alt;
                } else if (cap.isEmpty()) {
                    cap = m.group(2);
                }
            }
        }
        return alt == null ? new Answer(clean(answer), "") : new Answer(clean(alt), cleanCaption(cap));
    }

    /** A caption: one line, no wrapping quotes, capped at {@link #MAX_CAPTION} at a word boundary. */
    static String cleanCaption(String text) {
        String s = text.replaceAll("\\s+", " ").strip().replaceAll("^[\"'“”‘’«»]+|[\"'“”‘’«»]+$", "").strip();
        return cap(s, MAX_CAPTION);
    }

    /** A model's answer as alt text: one line, no quotes or filler, capped at a word boundary. */
    public static String clean(String answer) {
        String s = answer.replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[\"'“”‘’«»]+|[\"'“”‘’«»]+$", "").strip();
        s = LEADING_FILLER.matcher(s).replaceFirst("");
        if (s.isEmpty()) {
            return "";
        }
        s = s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + s.substring(s.offsetByCodePoints(0, 1));
        return cap(s);
    }

    /** Alt text from the embedded text: the caption, else the headline, else the title, else some keywords. */
    public static String fromEmbedded(EmbeddedText t) {
        for (String s : new String[]{t.caption(), t.headline(), t.title()}) {
            if (!s.isBlank()) {
                return cap(s.replaceAll("\\s+", " ").strip());
            }
        }
        if (t.keywords().isEmpty()) {
            return "";
        }
        String joined = String.join(", ", t.keywords().subList(0, Math.min(MAX_KEYWORDS, t.keywords().size())));
        return cap(joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1));
    }

    private static String cap(String s) {
        return cap(s, MAX_LENGTH);
    }

    private static String cap(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? s.substring(0, cut) : s.substring(0, max - 1)).replaceAll("[,;:]$", "") + "…";
    }
}
