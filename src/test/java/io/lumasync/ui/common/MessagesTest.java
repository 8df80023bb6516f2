package io.lumasync.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundle and the code agree: every key the desktop app asks for is there, and every key there is asked for. */
class MessagesTest {
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/io/lumasync/ui"),
            Path.of("src/main/java/io/lumasync/tray"), Path.of("src/main/java/io/lumasync/app/LumasyncApp.java"));
    private static final Pattern GET = Pattern.compile("Messages\\.get\\(\\s*\"([^\"]*)\"");
    /** A key may also travel as a plain literal (an enum's key, a table of keys) before it reaches Messages.get. */
    private static final Pattern KEY_LITERAL = Pattern.compile(
            "\"((?:common|browse|upload|optimize|destinations|sources|autosync|activity|settings|guide|shell|tray)"
                    + "\\.[A-Za-z0-9.]+)\"");

    @AfterEach
    void reset() {
        Messages.reset();
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundleAndEveryKeyInTheBundleIsUsed() throws IOException {
        Set<String> bundle = Translations.english().keySet();
        Set<String> asked = new TreeSet<>();
        Set<String> literals = new HashSet<>();
        for (String source : sources()) {
            collect(GET.matcher(source), asked);
            collect(KEY_LITERAL.matcher(source), literals);
        }
        literals.addAll(asked);
        assertThat(asked).as("keys asked for with Messages.get").isNotEmpty();
        assertThat(bundle).as("keys the code uses").containsAll(literals);
        assertThat(literals).as("keys in messages.properties").containsAll(bundle);
    }

    @Test
    void aValueWithArgumentsDoublesItsSingleQuotes() throws IOException {
        PropertyResourceBundle b = Translations.english();
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String key : b.keySet()) {
            String v = b.getString(key);
            if (v.contains("{")) {
                assertThat(lone.matcher(v).find()).as(key + " = " + v).isFalse();
            }
        }
    }

    @Test
    void formatsArgumentsAndPluralsAndFallsBackToTheKey() {
        assertThat(Messages.get("browse.summary", 1, "1 published")).isEqualTo("1 image: 1 published.");
        assertThat(Messages.get("browse.summary", 12, "12 published")).isEqualTo("12 images: 12 published.");
        assertThat(Messages.get("browse.sync")).isEqualTo("_Sync");
        assertThat(Messages.get("optimize.page.loaded", 3, 1, 0)).isEqualTo("3 images on page 1.");
        assertThat(Messages.get("optimize.page.loaded", 3, 1, 2L)).isEqualTo("3 images on page 1 (2 already WebP/AVIF).");
        assertThat(Messages.get("optimize.rollback.nothing", "blog")).isEqualTo("Nothing to roll back for blog. ");
        assertThat(Messages.get("no.such.key", 3)).isEqualTo("no.such.key");
    }

    @Test
    void aTranslationFileNextToTheEnglishOneReplacesItsWordsAndLeavesTheRestInEnglish(@TempDir Path dir)
            throws IOException {
        Messages.use(Translations.write(dir, Locale.GERMAN, Map.of("browse.sync", "_Synchronisieren",
                "browse.selectedCount", "{0} ausgewählt")));
        assertThat(Messages.get("browse.sync")).isEqualTo("_Synchronisieren");
        assertThat(Messages.get("browse.selectedCount", 3)).isEqualTo("3 ausgewählt");
        assertThat(Messages.get("browse.to")).isEqualTo("To");
    }

    private static List<String> sources() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    texts.add(Files.readString(f));
                }
            }
        }
        return texts;
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
