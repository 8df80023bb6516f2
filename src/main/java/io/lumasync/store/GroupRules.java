package io.lumasync.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a destination group requires of every item sent to its destinations. Zero, empty or false means "no rule".
 *
 * @param maxFileBytes    largest file sent (after compression)
 * @param minWidth        smallest source width in pixels
 * @param minHeight       smallest source height in pixels
 * @param formats         the file formats allowed at the destinations (AVIF, WEBP, JPEG, PNG…); empty for any
 * @param sources         the sources allowed to publish there; empty for any
 * @param alwaysCompress  never send an original as it is ("original" format becomes "auto")
 * @param autosync        whether the autosync scheduler publishes there (a manual sync always does)
 * @param approval        items wait in the approval queue until someone approves them
 * @param folder          the destination folder used when an item has none of its own
 */
public record GroupRules(long maxFileBytes, int minWidth, int minHeight, List<String> formats, List<String> sources,
                         boolean alwaysCompress, boolean autosync, boolean approval, String folder) {
    public static final GroupRules NONE = new GroupRules(0, 0, 0, List.of(), List.of(), false, true, false, "");

    public GroupRules {
        formats = List.copyOf(formats);
        sources = List.copyOf(sources);
        folder = folder == null ? "" : folder;
    }

    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxFileBytes", maxFileBytes);
        m.put("minWidth", minWidth);
        m.put("minHeight", minHeight);
        m.put("formats", formats);
        m.put("sources", sources);
        m.put("alwaysCompress", alwaysCompress);
        m.put("autosync", autosync);
        m.put("approval", approval);
        m.put("folder", folder);
        return Json.write(m);
    }

    static GroupRules fromJson(String json) {
        Map<String, Object> m = Json.readObject(json);
        return new GroupRules(number(m, "maxFileBytes"), (int) number(m, "minWidth"), (int) number(m, "minHeight"),
                strings(m, "formats"), strings(m, "sources"), Boolean.TRUE.equals(m.get("alwaysCompress")),
                !Boolean.FALSE.equals(m.get("autosync")), Boolean.TRUE.equals(m.get("approval")),
                m.get("folder") instanceof String s ? s : "");
    }

    private static long number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static List<String> strings(Map<String, Object> m, String key) {
        return m.get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
