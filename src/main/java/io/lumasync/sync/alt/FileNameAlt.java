package io.lumasync.sync.alt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Alt text from a file name, for the "basic" mode: words a person chose are kept, what cameras, phones and export
 * dialogs add is dropped. {@code lisbon-tram-at-dusk.jpg} gives "Lisbon tram at dusk"; {@code IMG_2034-final_v2.jpg}
 * gives nothing, because a wrong alt text is worse than none (screen readers then fall back to the context).
 */
public final class FileNameAlt {
    /** Longest text kept; a file name this long is a sentence already. */
    static final int MAX_LENGTH = 125;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.+~,;@#!()\\[\\]{}=]+");
    /** Camera and phone prefixes (Canon IMG/_MG, Sony DSC, Pixel PXL, GoPro, DJI …) and what phones name files. */
    private static final Set<String> CAMERA_WORDS = Set.of("img", "mg", "dsc", "dscn", "dscf", "dcim", "pxl", "mvimg",
            "gopr", "gp", "dji", "sam", "wp", "imgp", "sdc", "cimg", "pict", "dsci", "hpim", "kif", "raw",
            "screenshot", "photo", "pic", "image", "untitled", "unnamed", "file", "download", "whatsapp", "signal",
            "telegram", "mp");
    /** What export and editing add to a name. */
    private static final Set<String> EXPORT_WORDS = Set.of("final", "edit", "edited", "edits", "copy", "export",
            "exported", "web", "thumb", "thumbnail", "hires", "lowres", "retouched", "retouch", "crop", "cropped",
            "resized", "resize", "scaled", "draft", "orig", "original", "version", "ver", "rev", "enhanced", "denoise",
            "denoised", "hdr", "pano", "stitch", "merged", "sharpened", "optimized", "compressed", "min", "sm", "lg",
            "xl", "xs", "rgb", "srgb", "cmyk", "jpeg", "jpg", "png", "webp", "avif", "heic", "tif", "tiff", "dng",
            "cr2", "nef", "arw", "psd", "px");
    /** Hex runs: hashes and ids that upload tools put in names. */
    private static final Pattern HEXISH = Pattern.compile("(?i)[0-9a-f]{8,}");
    private static final Pattern COPY_SUFFIX = Pattern.compile("\\s*\\(\\d+\\)$");

    private FileNameAlt() {
    }

    /** The alt text a file name gives, or "" when it holds no words a person chose. */
    public static String of(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        base = COPY_SUFFIX.matcher(base).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String token : SEPARATORS.split(base)) {
            if (dropped(token)) {
                continue;   // before the camel-case split, so "WhatsApp" goes as one word
            }
            for (String raw : splitCamelCase(token).split(" ")) {
                String w = raw.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}'&]+$", "");
                if (!w.isEmpty() && !dropped(w)) {
                    words.add(w);
                }
            }
        }
        long real = words.stream().filter(w -> w.codePointCount(0, w.length()) >= 3).count();
        if (real == 0) {
            return "";
        }
        // A name written all in capitals (old cameras, some exports) is shouting, not acronyms.
        boolean shouting = words.stream().allMatch(w -> w.equals(w.toUpperCase(Locale.ROOT)));
        StringBuilder sb = new StringBuilder();
        for (String each : words) {
            String w = shouting ? each.toLowerCase(Locale.ROOT) : each;
            String word = sb.isEmpty() ? capitalise(w) : lowerUnlessAcronym(w);
            if (sb.length() + 1 + word.length() > MAX_LENGTH) {
                break;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(word);
        }
        return sb.toString();
    }

    private static boolean dropped(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        return CAMERA_WORDS.contains(lower) || EXPORT_WORDS.contains(lower)
                // counters, dates, sizes ("2x", "1080p", "4k"), versions ("v2"), camera numbers ("DSC00731")
                || w.chars().anyMatch(Character::isDigit) || HEXISH.matcher(w).matches();
    }

    /** "LisbonTramAtDusk" and "NYCSkyline" read as words; "NYC" stays one. */
    private static String splitCamelCase(String s) {
        return s.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})", " ");
    }

    private static String capitalise(String w) {
        int first = w.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(lowerUnlessAcronym(w.substring(Character.charCount(first)))).toString();
    }

    /** Lower case, except words written in capitals on purpose (NYC, BMW) or with inner capitals (iPhone). */
    private static String lowerUnlessAcronym(String w) {
        boolean allCaps = w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT)) && w.chars().anyMatch(Character::isLetter);
        boolean innerCaps = w.length() > 1 && !w.substring(1).equals(w.substring(1).toLowerCase(Locale.ROOT))
                && !allCaps;
        return allCaps || innerCaps ? w : w.toLowerCase(Locale.ROOT);
    }
}
