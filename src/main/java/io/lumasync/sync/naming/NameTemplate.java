package io.lumasync.sync.naming;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination's file-name template, e.g. {@code {date:yyyy/MM}/{slug}-{width}w.{ext}}. Tokens: {@code {title}},
 * {@code {slug}} (the title slugged), {@code {date}} or {@code {date:PATTERN}} (capture date, default yyyy-MM-dd),
 * {@code {sequence}} or {@code {sequence:3}} (zero-padded), {@code {camera}}, {@code {source}}, {@code {folder}},
 * {@code {original}} (the file name without extension), {@code {width}}, {@code {prompt_short}} (the first words
 * of an AI prompt), {@code {ext}}. Every value is slugged (transliterated, URL-safe) except {@code folder}'s
 * slashes and the date pattern's; the name is capped at {@link #MAX_LENGTH} characters before the extension, and
 * made unique per destination by "-2", "-3" … Templates are checked when saved: an unknown token is refused then.
 */
public final class NameTemplate {
    public static final int MAX_LENGTH = 80;
    static final int MAX_TRIES = 10_000;
    private static final Pattern TOKEN = Pattern.compile("\\{([a-z_]+)(?::([^}]*))?}");
    private static final Set<String> TOKENS = Set.of("title", "slug", "date", "sequence", "camera", "source", "folder",
            "original", "width", "prompt_short", "ext");
    private static final int PROMPT_WORDS = 6;

    private final String template;

    private NameTemplate(String template) {
        this.template = template;
    }

    /** What the template knows of one image; absent values make their token empty. */
    public record Facts(String title, Optional<LocalDate> captureDate, int sequence, String camera, String source,
                        String folder, String originalName, int width, String prompt, String ext) {
    }

    /** Parses a template; an unknown token or a bad date pattern is refused with the words to fix it. */
    public static NameTemplate parse(String template) {
        if (template.isBlank()) {
            throw new IllegalArgumentException("The name template is empty; {original}.{ext} keeps the file names.");
        }
        Matcher m = TOKEN.matcher(template);
        while (m.find()) {
            if (!TOKENS.contains(m.group(1))) {
                throw new IllegalArgumentException("Unknown token {" + m.group(1) + "} in the name template. Use "
                        + String.join(", ", TOKENS.stream().sorted().map(t -> "{" + t + "}").toList()) + ".");
            }
            if (m.group(1).equals("date") && m.group(2) != null) {
                DateTimeFormatter.ofPattern(m.group(2), Locale.ROOT);   // throws IllegalArgumentException when bad
            }
        }
        if (!template.contains("{ext}")) {
            throw new IllegalArgumentException("The name template must end in .{ext}, so the file type stays right.");
        }
        return new NameTemplate(template);
    }

    /**
     * The name for one image, unique among the names {@code taken} says are in use at the destination. Never
     * empty: a template whose tokens are all empty falls back to the original name.
     */
    public String render(Facts f, Predicate<String> taken) {
        String name = expand(f);
        String ext = f.ext().toLowerCase(Locale.ROOT);
        String stem = name.endsWith("." + ext) ? name.substring(0, name.length() - ext.length() - 1) : name;
        stem = tidy(stem);
        if (stem.replace("/", "").isEmpty()) {
            stem = Slug.of(f.originalName(), MAX_LENGTH);
        }
        if (stem.isEmpty()) {
            stem = "image";
        }
        String candidate = stem + "." + ext;
        for (int i = 2; taken.test(candidate); i++) {
            if (i > MAX_TRIES) {
                throw new IllegalStateException("no free name for " + stem);
            }
            String suffix = "-" + i;
            candidate = cap(stem, MAX_LENGTH - suffix.length()) + suffix + "." + ext;
        }
        return candidate;
    }

    private String expand(Facts f) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2), f)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String token, String arg, Facts f) {
        return switch (token) {
            case "title" -> Slug.of(f.title(), MAX_LENGTH);
            case "slug" -> Slug.of(f.title().isBlank() ? f.originalName() : f.title(), MAX_LENGTH);
            case "date" -> f.captureDate().map(d -> d.format(DateTimeFormatter.ofPattern(arg == null ? "yyyy-MM-dd"
                    : arg, Locale.ROOT))).orElse("");
            case "sequence" -> arg == null ? Integer.toString(f.sequence())
                    : String.format(Locale.ROOT, "%0" + Math.min(9, Math.max(1, parseInt(arg))) + "d", f.sequence());
            case "camera" -> Slug.of(f.camera(), 40);
            case "source" -> Slug.of(f.source(), 40);
            case "folder" -> folder(f.folder());
            case "original" -> Slug.of(f.originalName(), MAX_LENGTH);
            case "width" -> f.width() > 0 ? Integer.toString(f.width()) : "";
            case "prompt_short" -> Slug.of(firstWords(f.prompt()), 50);
            case "ext" -> f.ext().toLowerCase(Locale.ROOT);
            default -> "";
        };
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Each folder level slugged; ".." and empty levels dropped, so a name never climbs out of the destination. */
    private static String folder(String folder) {
        List<String> parts = new ArrayList<>();
        for (String p : folder.split("[/\\\\]")) {
            String s = Slug.of(p, 40);
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    private static String firstWords(String prompt) {
        String[] words = prompt.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(PROMPT_WORDS, words.length)));
    }

    /** Joins what empty tokens left behind ("--", "/-", leading "-") and caps the length at a boundary. */
    private static String tidy(String stem) {
        String s = stem.replaceAll("-{2,}", "-").replaceAll("(^|/)[-._]+", "$1").replaceAll("[-._]+($|/)", "$1")
                .replaceAll("/{2,}", "/").replaceAll("^/|/$", "");
        return cap(s, MAX_LENGTH);
    }

    private static String cap(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int slash = s.lastIndexOf('/', max);
        int cut = s.lastIndexOf('-', max);
        String capped = cut > Math.max(slash, max / 2) ? s.substring(0, cut) : s.substring(0, max);
        return capped.replaceAll("[-/]+$", "");
    }
}
