package io.lumasync.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON forms of the values stored in text columns. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> readMap(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    public static List<String> readList(String json) {
        return read(json, new TypeReference<List<String>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt JSON in the database: " + e.getOriginalMessage(), e);
        }
    }

    public static String writeEncode(EncodeSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", s.format().name().toLowerCase(java.util.Locale.ROOT));
        m.put("quality", s.quality().token());
        m.put("maxSize", Integer.toString(s.maxSize()));
        m.put("metadata", s.metadata().name());
        m.put("keepWideGamut", Boolean.toString(s.keepWideGamut()));
        m.put("gammaCorrect", Boolean.toString(s.gammaCorrect()));
        return write(m);
    }

    public static EncodeSettings readEncode(String json) {
        Map<String, String> m = readMap(json);
        return new EncodeSettings(OutputFormat.parse(m.get("format")), Quality.parse(m.get("quality")),
                Integer.parseInt(m.get("maxSize")), MetadataPolicy.valueOf(m.get("metadata")),
                Boolean.parseBoolean(m.get("keepWideGamut")), Boolean.parseBoolean(m.get("gammaCorrect")));
    }

    public static String writeMetadata(AssetMetadata md) {
        return write(Map.of("alt", md.altText(), "title", md.title(), "caption", md.caption(),
                "description", md.description()));
    }

    public static AssetMetadata readMetadata(String json) {
        Map<String, String> m = readMap(json);
        return new AssetMetadata(m.get("alt"), m.get("title"), m.get("caption"), m.get("description"));
    }
}
