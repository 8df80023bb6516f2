package io.lumasync.sync.naming;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * URL-safe names: letters transliterated to ASCII ("Café Zürich" → "cafe-zurich", "Straße" → "strasse"), everything
 * else a hyphen, no leading, trailing or doubled hyphens, capped at a word boundary. Scripts with no Latin
 * spelling here (CJK, Arabic …) are kept as they are, lower-cased, since browsers and CMSs carry them
 * percent-encoded.
 */
public final class Slug {
    /** Letters that do not decompose into a base letter and marks. */
    private static final Map<Character, String> SPECIAL = Map.ofEntries(Map.entry('ß', "ss"), Map.entry('æ', "ae"),
            Map.entry('Æ', "ae"), Map.entry('ø', "o"), Map.entry('Ø', "o"), Map.entry('œ', "oe"), Map.entry('Œ', "oe"),
            Map.entry('ł', "l"), Map.entry('Ł', "l"), Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('þ', "th"),
            Map.entry('Þ', "th"), Map.entry('ð', "d"), Map.entry('ı', "i"), Map.entry('&', " and "));

    private Slug() {
    }

    /** The slug of {@code text}, at most {@code maxLength} characters; "" when nothing usable is left. */
    public static String of(String text, int maxLength) {
        StringBuilder pre = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            pre.append(SPECIAL.getOrDefault(c, String.valueOf(c)));
        }
        String plain = Normalizer.normalize(pre, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() <= maxLength) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', maxLength);
        String capped = cut > maxLength / 2 ? slug.substring(0, cut) : slug.substring(0, maxLength);
        return capped.replaceAll("-+$", "");
    }
}
