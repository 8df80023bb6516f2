package io.lumasync.destination.wordpress;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.wordpress.api.CompanionInfo;
import io.lumasync.destination.wordpress.api.WpMedia;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds out what a WordPress site takes: checks the account, asks the companion plugin (version, upload limit,
 * which formats the site's image editor can process), and proves WebP and AVIF by uploading a tiny image of each
 * and deleting it again (WordPress takes AVIF only from 6.5 on, and only with an image editor that can read it).
 */
final class WordPressCapabilityProbe {
    // 8×8 images made once with ImageMagick (PHP Imagick): the JDK cannot write either format.
    private static final byte[] TINY_AVIF = Base64.getDecoder().decode(
            "AAAAHGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZgAAAOptZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5w"
                    + "aXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAAEOAAEAAAAAAAAAGwAAACNpaW5mAAAAAAABAAAAFWluZmUCAAAAAAEAAGF2MDEA"
                    + "AAAAamlwcnAAAABLaXBjbwAAABNjb2xybmNseAACAAIABoAAAAAMYXYxQ4EADAAAAAAUaXNwZQAAAAAAAAAIAAAACAAAABBwaXhpAAAA"
                    + "AAMICAgAAAAXaXBtYQAAAAAAAAABAAEEgYIDhAAAACNtZGF0EgAKBRgIv2BCMhAYAAooooQAALASU7RE4mOA");
    private static final byte[] TINY_WEBP = Base64.getDecoder().decode(
            "UklGRjYAAABXRUJQVlA4ICoAAADQAQCdASoIAAgAAgA0JaACdLoB+AADsAD+7L2P/PTNeYP8nP+3Jl5tsAA=");

    /** What the probe found; cached by the destination. {@code userId}: the signed-in account's user ID. */
    record Findings(Capabilities capabilities, Optional<CompanionInfo> companion, String wordpressVersion,
                    long userId) {
        boolean hasCompanion() {
            return companion.isPresent();
        }
    }

    private WordPressCapabilityProbe() {
    }

    /** The tiny probe file of a format (AVIF or WebP). */
    static byte[] sample(ImageFormat format) {
        return (format == ImageFormat.AVIF ? TINY_AVIF : TINY_WEBP).clone();
    }

    static Findings probe(WordPressApi api) throws LumasyncException {
        List<String> notes = new ArrayList<>();
        var index = api.index();
        notes.add("Site: " + (index.name().isBlank() ? api.site().toString() : index.name() + " (" + api.site() + ")"));
        Map<String, Object> me = api.me();
        checkAccount(api, me);

        Optional<CompanionInfo> companion = api.companionInfo();
        String version = companion.map(CompanionInfo::wpVersion).filter(v -> !v.isBlank())
                .or(() -> feedVersionQuietly(api)).orElse("unknown");
        notes.add("WordPress version: " + version);

        Set<ImageFormat> formats = EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF);
        if (accepts(api, ImageFormat.WEBP, companion, notes)) {
            formats.add(ImageFormat.WEBP);
        }
        if (accepts(api, ImageFormat.AVIF, companion, notes)) {
            formats.add(ImageFormat.AVIF);
        }

        long max = companion.map(CompanionInfo::maxUploadBytes).orElse(0L);
        notes.add(max > 0 ? "Largest upload: " + (max / (1024 * 1024)) + " MB"
                : "Largest upload: not known (the companion plugin reports it)");
        ReplaceStrategy replace;
        if (companion.isPresent()) {
            replace = ReplaceStrategy.SAME_ID_SAME_URL;
            notes.add("Companion plugin " + companion.get().pluginVersion() + " active: a changed image replaces the"
                    + " file of the same attachment; its address stays unless the format changes.");
        } else {
            replace = ReplaceStrategy.PUT_THEN_REMOVE;
            notes.add("Companion plugin not active: a changed image is uploaded as a new attachment and the old one"
                    + " removed, so its address changes. Install the Lumasync Companion plugin to keep addresses.");
        }
        long userId = me.get("id") instanceof Number n ? n.longValue() : 0;
        return new Findings(new Capabilities(formats, max, replace, true, true, notes), companion, version, userId);
    }

    private static void checkAccount(WordPressApi api, Map<String, Object> me) throws LumasyncException {
        if (me.get("capabilities") instanceof Map<?, ?> caps && !Boolean.TRUE.equals(caps.get("upload_files"))) {
            throw new LumasyncException(ErrorKind.REAUTH, api.what() + " signs Lumasync in as '" + api.user()
                    + "', but that account may not upload files. Use an account with the Author, Editor or"
                    + " Administrator role.");
        }
    }

    private static Optional<String> feedVersionQuietly(WordPressApi api) {
        try {
            return api.versionFromFeed();
        } catch (LumasyncException e) {
            return Optional.empty();
        }
    }

    /** Uploads a tiny file of the format and deletes it; a refusal means "not accepted", anything else is thrown. */
    private static boolean accepts(WordPressApi api, ImageFormat format,
                                   Optional<CompanionInfo> companion, List<String> notes) throws LumasyncException {
        String name = format.name();
        WpMedia probe;
        try {
            probe = api.upload(sample(format), "lumasync-format-check." + format.extension(), format.mimeType(),
                    Map.of("title", "Lumasync format check (deleted right away)"));
        } catch (LumasyncException e) {
            if (e.kind() != ErrorKind.GIVE_UP) {
                throw e;
            }
            notes.add(name + " not accepted: " + e.getMessage());
            return false;
        }
        api.deleteMedia(probe.id());
        Boolean editor = companion.map(c -> c.editorFormats().get(format.mimeType())).orElse(null);
        if (Boolean.FALSE.equals(editor)) {
            notes.add(name + " uploads are taken, but the site's image editor cannot process them (no thumbnails):"
                    + " not used.");
            return false;
        }
        notes.add(name + " accepted");
        return true;
    }
}
