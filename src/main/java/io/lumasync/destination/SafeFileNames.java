package io.lumasync.destination;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The file name an upload is published under on platforms that put it into the file's address (Shopify, HubSpot):
 * plain ASCII letters, digits, "-" and "_" (accents dropped, anything else as "-"), the stem at most 100 characters,
 * and the extension of the format actually sent.
 */
public final class SafeFileNames {
    private static final int MAX_STEM = 100;

    private SafeFileNames() {
    }

    public static String of(Upload upload) {
        String n = Normalizer.normalize(upload.image().fileName(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        int dot = n.lastIndexOf('.');
        String stem = (dot > 0 ? n.substring(0, dot) : n).replaceAll("[^A-Za-z0-9_-]+", "-")
                .replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
        stem = stem.isEmpty() ? "image" : stem.length() > MAX_STEM ? stem.substring(0, MAX_STEM) : stem;
        return stem + "." + upload.image().format().extension().toLowerCase(Locale.ROOT);
    }
}
