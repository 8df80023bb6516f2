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

    public static Map<String, Object> readObject(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** A planned job as kept in the approval queue (its id and run are given when it runs). */
    static String writeJob(Job j) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", j.source());
        m.put("assetId", j.assetId());
        m.put("assetName", j.assetName());
        m.put("folder", j.folder());
        m.put("localPath", j.localPath().orElse(null));
        m.put("destination", j.destination());
        m.put("action", j.action().name());
        m.put("syncId", j.syncId());
        m.put("size", Long.toString(j.fingerprint().size()));
        m.put("mtime", Long.toString(j.fingerprint().modifiedMs()));
        m.put("hash", j.fingerprint().contentHash());
        m.put("encode", writeEncode(j.encode()));
        m.put("metadata", writeMetadata(j.metadata()));
        m.put("remoteId", j.existing().map(io.lumasync.core.RemoteRef::id).orElse(null));
        m.put("remoteUrl", j.existing().map(io.lumasync.core.RemoteRef::url).orElse(null));
        return write(m);
    }

    static Job readJob(String json) {
        Map<String, String> m = readMap(json);
        String remoteId = m.get("remoteId");
        return new Job(0, 0, m.get("source"), m.get("assetId"), m.get("assetName"), m.get("folder"),
                java.util.Optional.ofNullable(m.get("localPath")), m.get("destination"), JobAction.valueOf(m.get("action")),
                JobState.PLANNED, m.get("syncId"), new io.lumasync.core.Fingerprint(Long.parseLong(m.get("size")),
                Long.parseLong(m.get("mtime")), m.get("hash")), readEncode(m.get("encode")),
                readMetadata(m.get("metadata")), remoteId == null ? java.util.Optional.empty()
                : java.util.Optional.of(new io.lumasync.core.RemoteRef(remoteId, m.get("remoteUrl"))), 0, "");
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
