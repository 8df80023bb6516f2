package io.lumasync.sync.alt;

import io.lumasync.image.EmbeddedText;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words around alt text: the prompt a vision model gets, the cleaning of its answer, and alt text made from a
 * file's embedded caption. Alt text is literal and short (WCAG's "text alternative" serves the image's purpose; the
 * W3C's alt decision tree and most CMS guides keep it near 125 characters), and never begins with "image of", which
 * screen readers already announce.
 */
public final class AltPrompt {
    static final int MAX_LENGTH = 125;
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
        if (s.length() <= MAX_LENGTH) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_LENGTH - 1);
        return (cut > MAX_LENGTH / 2 ? s.substring(0, cut) : s.substring(0, MAX_LENGTH - 1)).replaceAll("[,;:]$", "")
                + "…";
    }
}
