package io.lumasync.destination.webflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Points the CMS items that show one asset at another: in the collections and image fields the user chose
 * ({@code blog-posts, team:photo}), or in every Image and MultiImage field of every collection of the site. Items
 * are matched by the asset id in the field ({@code fileId}) or its address; Webflow keeps a field's alt text with
 * the item, so it is carried over. Scans are bounded (collections, pages of items).
 */
final class CmsRepointer {
    private static final Set<String> IMAGE_TYPES = Set.of("Image", "MultiImage");
    private static final int MAX_COLLECTIONS = 100;
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 200;

    /** Items changed in one collection. */
    record Repointed(String collection, List<String> items) {
    }

    private final WebflowApi api;
    /** Collection (slug, id or name, lower case) → chosen field slugs (empty: every image field). Empty: all. */
    private final Map<String, Set<String>> chosen;

    CmsRepointer(WebflowApi api, String setting) {
        this.api = api;
        this.chosen = parse(setting);
    }

    static Map<String, Set<String>> parse(String setting) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String part : setting == null ? new String[0] : setting.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            String collection = (colon < 0 ? p : p.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
            Set<String> fields = out.computeIfAbsent(collection, k -> new java.util.HashSet<>());
            if (colon >= 0 && !p.substring(colon + 1).isBlank()) {
                fields.add(p.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Re-points every item showing {@code from} to {@code to}; returns the items changed per collection. */
    List<Repointed> repoint(RemoteRef from, RemoteRef to) throws LumasyncException {
        List<Repointed> out = new ArrayList<>();
        int seen = 0;
        for (JsonNode c : api.collections().path("collections")) {
            if (++seen > MAX_COLLECTIONS) {
                break;
            }
            Set<String> wanted = wanted(c);
            if (wanted == null) {
                continue;
            }
            String id = c.path("id").asText();
            List<String> fields = new ArrayList<>();
            Set<String> multi = new java.util.HashSet<>();
            for (JsonNode f : api.collection(id).path("fields")) {
                String slug = f.path("slug").asText("");
                if (IMAGE_TYPES.contains(f.path("type").asText()) && (wanted.isEmpty()
                        || wanted.contains(slug.toLowerCase(Locale.ROOT)))) {
                    fields.add(slug);
                    if (f.path("type").asText().equals("MultiImage")) {
                        multi.add(slug);
                    }
                }
            }
            if (!fields.isEmpty()) {
                List<String> changed = repointIn(id, fields, multi, from, to);
                if (!changed.isEmpty()) {
                    out.add(new Repointed(id, changed));
                }
            }
        }
        return out;
    }

    private List<String> repointIn(String collection, List<String> fields, Set<String> multi, RemoteRef from,
                                   RemoteRef to) throws LumasyncException {
        List<String> changed = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode p = api.items(collection, page * PAGE, PAGE);
            JsonNode items = p.path("items");
            for (JsonNode item : items) {
                Map<String, Object> update = new LinkedHashMap<>();
                for (String field : fields) {
                    JsonNode v = item.path("fieldData").path(field);
                    if (multi.contains(field) && v.isArray()) {
                        boolean hit = false;
                        List<Object> images = new ArrayList<>();
                        for (JsonNode img : v) {
                            hit |= shows(img, from);
                            images.add(shows(img, from) ? image(to, img) : img);
                        }
                        if (hit) {
                            update.put(field, images);
                        }
                    } else if (shows(v, from)) {
                        update.put(field, image(to, v));
                    }
                }
                if (!update.isEmpty()) {
                    api.updateItem(collection, item.path("id").asText(), update);
                    changed.add(item.path("id").asText());
                }
            }
            long total = p.path("pagination").path("total").asLong(0);
            if (items.size() < PAGE || (page + 1L) * PAGE >= total) {
                break;
            }
        }
        return changed;
    }

    /** The chosen fields of a collection (empty: all its image fields), or null when it is not chosen. */
    private Set<String> wanted(JsonNode c) {
        if (chosen.isEmpty()) {
            return Set.of();
        }
        for (String key : List.of(c.path("slug").asText(""), c.path("id").asText(""), c.path("displayName").asText(""))) {
            Set<String> f = chosen.get(key.toLowerCase(Locale.ROOT));
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static boolean shows(JsonNode image, RemoteRef asset) {
        if (!image.isObject()) {
            return false;
        }
        return image.path("fileId").asText("").equals(asset.id())
                || (!asset.url().isEmpty() && image.path("url").asText("").equals(asset.url()));
    }

    private static Map<String, Object> image(RemoteRef to, JsonNode before) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fileId", to.id());
        m.put("url", to.url());
        if (before.hasNonNull("alt")) {
            m.put("alt", before.path("alt").asText());
        }
        return m;
    }
}
