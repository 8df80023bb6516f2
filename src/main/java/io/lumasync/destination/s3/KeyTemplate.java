package io.lumasync.destination.s3;

import io.lumasync.core.Placeholders;
import io.lumasync.core.Placeholders.Syntax;
import io.lumasync.destination.Upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a key template such as {@code {folder}/{filename}} into an object key. Placeholders: {@code {folder}},
 * {@code {filename}}, {@code {name}} (without extension), {@code {ext}}, {@code {source}}, {@code {sync_id}}.
 * Empty segments, {@code .} and {@code ..} are dropped so a template never escapes its prefix or starts with "/".
 */
final class KeyTemplate {
    private KeyTemplate() {
    }

    static String render(String template, Upload u) {
        String fileName = u.image().fileName();
        int dot = fileName.lastIndexOf('.');
        String text = Placeholders.fill(template, Syntax.BRACES, name -> Optional.ofNullable(switch (name) {
            case "folder" -> u.folder().replace('\\', '/');
            case "filename" -> fileName.replace('/', '_');
            case "name" -> (dot > 0 ? fileName.substring(0, dot) : fileName).replace('/', '_');
            case "ext" -> dot > 0 ? fileName.substring(dot + 1) : "";
            case "source" -> u.sourceName().replace('/', '_');
            case "sync_id" -> u.syncId().replace('/', '_');
            default -> null;
        }));
        return clean(text);
    }

    /** The fixed part of the template before the first placeholder: where this destination's objects live. */
    static String prefix(String template) {
        int brace = template.indexOf('{');
        String fixed = brace < 0 ? template : template.substring(0, brace);
        int slash = fixed.lastIndexOf('/');
        return slash < 0 ? "" : clean(fixed.substring(0, slash)) + "/";
    }

    /** {@code a/b.jpg} → {@code a/b-2.jpg}: the name used when another asset already holds the key. */
    static String withSuffix(String key, int n) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        return dot > slash + 1 ? key.substring(0, dot) + "-" + n + key.substring(dot) : key + "-" + n;
    }

    /** The key with its extension swapped (a format change on replace). */
    static String withExtension(String key, String ext) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        return (dot > slash + 1 ? key.substring(0, dot) : key) + "." + ext;
    }

    private static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.replace('\\', '/').split("/")) {
            if (!p.isBlank() && !p.equals(".") && !p.equals("..")) {
                parts.add(p.strip());
            }
        }
        return String.join("/", parts);
    }
}
