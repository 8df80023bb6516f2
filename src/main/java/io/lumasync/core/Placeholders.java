package io.lumasync.core;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders users type in settings, in the three syntaxes saved settings already hold: {@code {{name}}} in
 * webhook requests, {@code {name}} in custom API requests and object keys, {@code <name>} for a preset's values the
 * user still has to replace. The template is read in one pass, so a value that itself looks like a placeholder (a
 * folder called "{filename}") is written as it is and never expanded again.
 *
 * <p>Own code rather than a template engine, checked against jmustache 1.16 (81 kB, the smallest maintained one on
 * Maven Central): Mustache reads {@code {{#…}}}, {@code {{!…}}} and {@code {{{…}}}} as its own syntax, so a saved
 * JSON body such as {@code {"a":{{{caption}}}}} changes meaning (its brace is eaten); it throws on an unknown name
 * instead of leaving it in place (the custom API names the missing setting from it); and it has no syntax for
 * {@code {name}} or {@code <name>}, so two of the three syntaxes would still need code of their own.
 */
public final class Placeholders {

    /** The syntaxes; a name is lower-case letters, digits and '_'. */
    public enum Syntax {
        DOUBLE_BRACES("\\{\\{\\s*([a-z0-9_]+)\\s*}}"),
        BRACES("\\{([a-z_][a-z0-9_]*)}"),
        ANGLE("<([a-z_]+)>");

        private final Pattern pattern;

        Syntax(String regex) {
            this.pattern = Pattern.compile(regex);
        }

        /** How a placeholder called {@code name} is written in this syntax. */
        public String written(String name) {
            return switch (this) {
                case DOUBLE_BRACES -> "{{" + name + "}}";
                case BRACES -> "{" + name + "}";
                case ANGLE -> "<" + name + ">";
            };
        }
    }

    private Placeholders() {
    }

    /**
     * {@code template} with each placeholder replaced by its value; a placeholder without a value (empty) stays as
     * written, so the caller can name it.
     */
    public static String fill(String template, Syntax syntax, Function<String, Optional<String>> values) {
        Matcher m = syntax.pattern.matcher(template);
        StringBuilder out = new StringBuilder(template.length());
        while (m.find()) {
            String value = values.apply(m.group(1)).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code template} with every {@code {{name}}} and {@code {name}} replaced by {@code value}: the shape the text
     * will have once filled, for checking it (as a web address, say) before values exist.
     */
    public static String fillAll(String template, String value) {
        Function<String, Optional<String>> same = name -> Optional.of(value);
        return fill(fill(template, Syntax.DOUBLE_BRACES, same), Syntax.BRACES, same);
    }

    /** The names of the placeholders in {@code template}, in the order they first appear. */
    public static SequencedSet<String> names(String template, Syntax syntax) {
        SequencedSet<String> names = new LinkedHashSet<>();
        Matcher m = syntax.pattern.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
