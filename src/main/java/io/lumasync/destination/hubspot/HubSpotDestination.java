package io.lumasync.destination.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.CursorPages;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.SafeFileNames;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.http.MultipartForm;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes to HubSpot's file manager (Files API v3) in one folder. A put is one multipart POST to
 * {@code /files/v3/files} with the folder path and the access level; a replace is a multipart PUT to
 * {@code /files/v3/files/{fileId}}, which keeps the file's ID and its address (the address keeps the first
 * upload's extension even when the format changes). HubSpot keeps no alt text with a file: alt text is set where
 * an image is placed. Reconcile finds a lost upload by the MD5 HubSpot records for each file.
 */
public final class HubSpotDestination implements Destination {
    static final Set<ImageFormat> FORMATS = Set.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.GIF);
    private static final int MAX_PAGE = 100;

    private final HubSpotApi api;
    private final String folder;
    private final String access;
    private final CursorPages<RemoteAsset> pages = new CursorPages<>(MAX_PAGE);
    private volatile Capabilities capabilities;
    private volatile String folderId;

    HubSpotDestination(HubSpotApi api, String folder, String access) {
        this.api = api;
        this.folder = folder;
        this.access = access;
    }

    @Override
    public Capabilities capabilities() throws LumasyncException {
        Capabilities c = capabilities;
        if (c == null) {
            // One cheap call proves the token and the files scope.
            api.ok(api.get("/files/v3/files/search", Map.of("limit", List.of("1")), "check the connection"),
                    "check the connection");
            List<String> notes = new ArrayList<>();
            notes.add("Files go to the folder " + folder + " with access " + access + ".");
            notes.add("Images are replaced in place: the same file ID and address (which keeps its first extension).");
            notes.add("HubSpot keeps no alt text with a file; set it where the image is placed.");
            notes.add("Requests paced to HubSpot's 10-second window (X-HubSpot-RateLimit headers).");
            c = new Capabilities(FORMATS, 0, ReplaceStrategy.SAME_ID_SAME_URL, true, false, notes);
            capabilities = c;
        }
        return c;
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        check(upload);
        String name = fileName(upload);
        MultipartForm form = new MultipartForm()
                .file("file", name, upload.image().mimeType(), upload.image().bytes())
                .field("folderPath", folder)
                .field("fileName", stem(name))
                .field("options", options(true));
        JsonNode f = api.ok(api.multipart("POST", "/files/v3/files", form, "upload " + name), "upload " + name);
        remember(f);
        return ref(f);
    }

    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        check(upload);
        String name = fileName(upload);
        MultipartForm form = new MultipartForm()
                .file("file", name, upload.image().mimeType(), upload.image().bytes())
                .field("options", options(false));
        HubSpotApi.Answer a = api.multipart("PUT", "/files/v3/files/" + id(existing), form, "replace " + name);
        if (a.status() == 404) {
            // Deleted in HubSpot meanwhile: published anew (a new file and address, which the run reports) rather
            // than failing on every later push.
            return put(upload);
        }
        return ref(api.ok(a, "replace " + name));
    }

    @Override
    public Renaming renaming() {
        return new Renaming(Renaming.Route.IN_PLACE, "HubSpot renames the same file in its file manager: the file ID"
                + " stays, its address changes (pages and emails that embed the old address need the new one).");
    }

    /** Files API "Update file properties": PATCH the file's {@code name} (HubSpot keeps the extension apart). */
    @Override
    public RemoteRef renameInPlace(RemoteRef existing, String newName) throws LumasyncException {
        String doing = "rename file " + existing.id() + " to " + newName;
        int dot = newName.lastIndexOf('.');
        HubSpotApi.Answer a = api.patch("/files/v3/files/" + id(existing),
                HubSpotApi.object().put("name", dot > 0 ? newName.substring(0, dot) : newName), doing);
        if (a.status() == 404) {
            throw LumasyncException.giveUp("HubSpot no longer has file " + existing.id() + "; it was deleted in"
                    + " HubSpot. Sync the image again to publish it anew.");
        }
        JsonNode f = api.ok(a, doing);
        remember(f);
        return ref(f);
    }

    /** HubSpot's file manager stores no alt text, title or caption with a file: there is nothing to update. */
    @Override
    public void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        throw LumasyncException.giveUp("HubSpot's file manager keeps no alt text or captions with a file, so the new"
                + " text was not sent. Set the alt text where the image is placed in HubSpot (page, email or post).");
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        HubSpotApi.Answer a = api.delete("/files/v3/files/" + id(ref), "delete file " + ref.id());
        if (a.status() != 404) {
            api.ok(a, "delete file " + ref.id());
        }
    }

    /** An upload whose answer was lost: a file in the folder with the very bytes sent (HubSpot's MD5) and this name. */
    @Override
    public Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        Optional<String> in = folderId();
        if (in.isEmpty()) {
            return Optional.empty();
        }
        String md5 = md5Hex(upload.image().bytes());
        String stem = stem(fileName(upload)).toLowerCase(Locale.ROOT);
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("fileMd5", List.of(md5));
        q.put("parentFolderIds", List.of(in.get()));
        q.put("limit", List.of("20"));
        JsonNode found = api.ok(api.get("/files/v3/files/search", q, "look for an earlier upload"),
                "look for an earlier upload");
        for (JsonNode f : found.path("results")) {
            String name = f.path("name").asText("").toLowerCase(Locale.ROOT);
            if (f.path("fileMd5").asText("").equalsIgnoreCase(md5) && !f.path("archived").asBoolean(false)
                    && (name.equals(stem) || name.matches(java.util.regex.Pattern.quote(stem) + "-\\d+"))) {
                return Optional.of(ref(f));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        Optional<String> in = folderId();
        if (in.isEmpty()) {
            return List.of();
        }
        return pages.page(page, perPage, (after, limit) -> {
            Map<String, List<String>> q = new LinkedHashMap<>();
            q.put("parentFolderIds", List.of(in.get()));
            q.put("limit", List.of(Integer.toString(limit)));
            q.put("sort", List.of("createdAt"));
            if (after != null) {
                q.put("after", List.of(after));
            }
            JsonNode res = api.ok(api.get("/files/v3/files/search", q, "list the files"), "list the files");
            List<RemoteAsset> out = new ArrayList<>();
            for (JsonNode f : res.path("results")) {
                out.add(new RemoteAsset(ref(f), f.path("name").asText("") + "." + f.path("extension").asText(""),
                        ImageFormat.fromExtension("x." + f.path("extension").asText("")).map(ImageFormat::mimeType)
                                .orElse(""), f.path("size").asLong(0), f.path("width").asInt(0),
                        f.path("height").asInt(0), ""));
            }
            String next = res.path("paging").path("next").path("after").asText("");
            return new CursorPages.Page<>(out, next.isEmpty() ? Optional.empty() : Optional.of(next));
        });
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        HubSpotApi.Answer a = api.get("/files/v3/files/" + id(ref), Map.of(), "look up file " + ref.id());
        if (a.status() == 404) {
            throw LumasyncException.giveUp("HubSpot no longer has file " + ref.id() + "; it was deleted in HubSpot.");
        }
        JsonNode f = api.ok(a, "look up file " + ref.id());
        if (f.path("archived").asBoolean(false)) {
            throw LumasyncException.giveUp("HubSpot has archived file " + ref.id() + ".");
        }
        return new ByteArrayInputStream(api.download(f.path("url").asText("")));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The folder's ID, from an upload's answer or HubSpot's folder search; empty while the folder does not exist. */
    private Optional<String> folderId() throws LumasyncException {
        String known = folderId;
        if (known != null) {
            return Optional.of(known);
        }
        JsonNode res = api.ok(api.get("/files/v3/folders/search", Map.of("path", List.of(folder)), "find the folder "
                + folder), "find the folder " + folder);
        for (JsonNode f : res.path("results")) {
            if (f.path("path").asText("").equalsIgnoreCase(folder) && !f.path("archived").asBoolean(false)) {
                folderId = f.path("id").asText();
                return Optional.of(folderId);
            }
        }
        return Optional.empty();
    }

    private void remember(JsonNode file) {
        String parent = file.path("parentFolderId").asText("");
        if (!parent.isEmpty() && folderId == null) {
            folderId = parent;
        }
    }

    /** The options field: access level; a new upload never overwrites a file of the same name nor is matched to one. */
    private String options(boolean upload) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("access", access);
        if (upload) {
            o.put("overwrite", false);
            o.put("duplicateValidationStrategy", "NONE");
            o.put("duplicateValidationScope", "EXACT_FOLDER");
        }
        return HubSpotApi.json(o);
    }

    private void check(Upload upload) throws LumasyncException {
        if (!FORMATS.contains(upload.image().format())) {
            throw LumasyncException.giveUp("HubSpot's file manager does not take " + upload.image().format().name()
                    + " images, so " + upload.image().fileName() + " was not sent. Choose JPEG, WebP or PNG for this"
                    + " destination.");
        }
    }

    private static RemoteRef ref(JsonNode f) throws LumasyncException {
        String id = f.path("id").asText("");
        if (id.isEmpty()) {
            throw new LumasyncException(ErrorKind.RETRY, "HubSpot's answer named no file.");
        }
        return new RemoteRef(id, f.path("url").asText(f.path("defaultHostingUrl").asText("")));
    }

    /** HubSpot file IDs are numbers; anything else is refused before it reaches a URL path. */
    private static String id(RemoteRef ref) throws LumasyncException {
        if (!ref.id().matches("\\d{1,20}")) {
            throw LumasyncException.giveUp("'" + ref.id() + "' is not a HubSpot file ID.");
        }
        return URLEncoder.encode(ref.id(), StandardCharsets.UTF_8);
    }

    static String fileName(Upload upload) {
        return SafeFileNames.of(upload);
    }

    private static String stem(String name) {
        return name.substring(0, name.lastIndexOf('.'));
    }

    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
