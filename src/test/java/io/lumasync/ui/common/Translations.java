package io.lumasync.ui.common;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** Translations made on the spot, loaded the way a translator's messages_de.properties would be. */
public final class Translations {
    private Translations() {
    }

    /** The English bundle as shipped. */
    public static PropertyResourceBundle english() throws IOException {
        try (var in = Messages.class.getResourceAsStream("/io/lumasync/ui/messages.properties")) {
            if (in == null) {
                throw new IOException("messages.properties is not on the class path");
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /**
     * Every English value about 30 % longer, the way German or French often runs: accented padding after the text,
     * so arguments, shortcuts and plural forms still work.
     */
    public static ResourceBundle pseudo(Path dir) throws IOException {
        PropertyResourceBundle english = english();
        Map<String, String> longer = new TreeMap<>();
        for (String key : english.keySet()) {
            String v = english.getString(key);
            int extra = (int) Math.ceil(v.length() * 0.3);
            longer.put(key, v + (extra > 1 ? " " + "é".repeat(extra - 1) : "é"));
        }
        return write(dir, Locale.of("xx"), longer);
    }

    /** Writes {@code messages_<locale>.properties} in UTF-8 under {@code dir} and loads it over the English one. */
    public static ResourceBundle write(Path dir, Locale locale, Map<String, String> values) throws IOException {
        Path file = dir.resolve("io/lumasync/ui/messages_" + locale + ".properties");
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var e : values.entrySet()) {
                w.write(e.getKey() + "=" + escape(e.getValue()) + "\n");
            }
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, Messages.class.getClassLoader());
        return ResourceBundle.getBundle(Messages.BUNDLE, locale, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String escape(String v) {
        String s = v.replace("\\", "\\\\").replace("\n", "\\n");
        return s.startsWith(" ") ? "\\" + s : s;
    }
}
