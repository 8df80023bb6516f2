package io.lumasync.destination.wordpress;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.Upload;
import io.lumasync.destination.wordpress.api.WpMedia;
import io.lumasync.destination.wordpress.api.WpPage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Publishes to a WordPress Media Library. An asset's id is the attachment ID; its URL the file's address (with a
 * {@code ?v=N} version after an in-place replace, so caches fetch the new file).
 *
 * <p>With the Lumasync Companion plugin active, {@link #replace} swaps the file of the same attachment and an
 * upload carries its sync id in the attachment's meta, so {@link #reconcile} finds it exactly. Without it, changed
 * images are put anew and the old removed by the engine ({@code PUT_THEN_REMOVE}), and reconcile matches recent
 * uploads by file name and size.
 */
public final class WordPressDestination implements Destination {
    /** How many of the newest attachments reconcile looks through when it has to match by name and size. */
    private static final int RECONCILE_SCAN = 200;

    private final WordPressApi api;
    private volatile WordPressCapabilityProbe.Findings findings;

    public WordPressDestination(WordPressApi api) {
        this.api = api;
    }

    /** With findings already known (a site whose probe cannot run, e.g. a stand-in server). */
    WordPressDestination(WordPressApi api, WordPressCapabilityProbe.Findings known) {
        this.api = api;
        this.findings = known;
    }

    public WordPressApi api() {
        return api;
    }

    @Override
    public Capabilities capabilities() throws LumasyncException {
        return findings().capabilities();
    }

    private WordPressCapabilityProbe.Findings findings() throws LumasyncException {
        WordPressCapabilityProbe.Findings f = findings;
        if (f == null) {
            synchronized (this) {
                f = findings;
                if (f == null) {
                    f = WordPressCapabilityProbe.probe(api);
                    findings = f;
                }
            }
        }
        return f;
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        var f = findings();
        check(upload, f.capabilities());
        Map<String, String> fields = new LinkedHashMap<>();
        textFields(upload.metadata(), false).forEach((k, v) -> fields.put(k, v.toString()));
        if (f.hasCompanion()) {
            fields.put("meta[" + WordPressApi.SYNC_ID_META + "]", upload.syncId());
        }
        WpMedia m = api.upload(upload.image().bytes(), fileName(upload), upload.image().mimeType(), fields);
        return ref(m);
    }

    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        var f = findings();
        if (!f.hasCompanion()) {
            throw LumasyncException.giveUp(api.what() + " cannot replace " + upload.image().fileName()
                    + " in place: the Lumasync Companion plugin is not active there. Install it, or let Lumasync"
                    + " upload the new version and remove the old one.");
        }
        check(upload, f.capabilities());
        long id = id(existing);
        WpMedia m = api.replaceFile(id, upload.image().bytes(), fileName(upload), upload.image().mimeType());
        Map<String, Object> text = textFields(upload.metadata(), false);
        if (!text.isEmpty()) {
            api.updateMedia(id, text);
        }
        return ref(m);
    }

    /**
     * WordPress keeps an attachment's file name for good (the companion's replace keeps it on purpose, so a changed
     * photo keeps its address): a rename is a new attachment with the old one's text, then the old one deleted.
     */
    @Override
    public Renaming renaming() {
        return new Renaming(Renaming.Route.REPUBLISH, "WordPress cannot rename an attachment's file: a new attachment"
                + " is uploaded under the new name with the same alt text, title, caption and description, then the"
                + " old attachment is deleted. Its address and attachment ID change; posts that show the old image"
                + " need the new one.");
    }

    @Override
    public void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        api.updateMedia(id(existing), textFields(metadata, true));
    }

    /** The text stored with an attachment; empty when it no longer exists. */
    @Override
    public Optional<AssetMetadata> metadata(RemoteRef ref) throws LumasyncException {
        return api.media(id(ref)).map(m -> new AssetMetadata(m.altText(), m.title().raw(), m.caption().raw(),
                m.description().raw()));
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        api.deleteMedia(id(ref));
    }

    /**
     * Finds an upload whose answer was lost. Only an attachment of the signed-in account holding the very bytes
     * sent counts: any author can put any sync id on a file, and taking theirs for ours would leave this image
     * unpublished and later replace or delete their file.
     */
    @Override
    public Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        var f = findings();
        if (f.hasCompanion()) {
            String md5 = WordPressApi.md5Hex(upload.image().bytes());
            return api.findBySyncId(upload.syncId(), md5)
                    .filter(m -> m.author() == f.userId() && m.lumasyncMd5().equalsIgnoreCase(md5))
                    .map(WordPressDestination::ref);
        }
        // Without the plugin nothing carries the sync id: look for the file among the newest uploads, by the name
        // WordPress gives it (heron.jpg, or heron-2.jpg when the name was taken) and its exact size.
        String name = fileName(upload);
        int dot = name.lastIndexOf('.');
        Pattern wanted = Pattern.compile(Pattern.quote(name.substring(0, dot)) + "(-\\d+)?(-scaled)?"
                + Pattern.quote(name.substring(dot)), Pattern.CASE_INSENSITIVE);
        int perPage = 100;
        for (int page = 1; page <= RECONCILE_SCAN / perPage; page++) {
            WpPage<WpMedia> p = api.listMedia(page, perPage, "desc");
            for (WpMedia m : p.items()) {
                if (m.author() == f.userId() && wanted.matcher(m.fileName()).matches()
                        && m.mediaDetails().filesize() == upload.image().size()
                        && m.mimeType().equalsIgnoreCase(upload.image().mimeType())) {
                    return Optional.of(ref(m));
                }
            }
            if (page >= p.totalPages()) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        List<RemoteAsset> out = new ArrayList<>();
        for (WpMedia m : api.listMedia(page, perPage, "asc").items()) {
            out.add(new RemoteAsset(ref(m), m.fileName(), m.mimeType(), m.mediaDetails().filesize(),
                    m.mediaDetails().width(), m.mediaDetails().height(), ""));
        }
        return out;
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        WpMedia m = api.media(id(ref)).orElseThrow(() -> LumasyncException.giveUp(
                api.what() + " no longer has attachment " + ref.id() + "; it was deleted in WordPress."));
        // A big image is served as a "-scaled" copy; the file as uploaded sits next to it under its own name.
        String original = m.mediaDetails().originalImage();
        String url = original.isBlank() || original.contains("/") ? m.sourceUrl()
                : m.sourceUrl().substring(0, m.sourceUrl().lastIndexOf('/') + 1) + original;
        return new ByteArrayInputStream(api.download(url));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void check(Upload upload, Capabilities caps) throws LumasyncException {
        String file = upload.image().fileName();
        if (caps.maxUploadBytes() > 0 && upload.image().size() > caps.maxUploadBytes()) {
            throw LumasyncException.giveUp(file + " (" + upload.image().size() / 1024 + " KB) is too large for "
                    + api.what() + ", which takes files up to " + caps.maxUploadBytes() / 1024 + " KB. Lower the"
                    + " maximum size or quality, or raise the site's upload limit.");
        }
        if (!caps.formats().contains(upload.image().format())) {
            throw LumasyncException.giveUp(api.what() + " does not accept " + upload.image().format().name()
                    + " files, so " + file + " was not sent. Choose another output format for this destination.");
        }
    }

    /** alt_text, title, caption, description; empty ones left out unless {@code all} (then only an empty title). */
    private static Map<String, Object> textFields(AssetMetadata md, boolean all) {
        Map<String, Object> f = new LinkedHashMap<>();
        putIf(f, "alt_text", md.altText(), all);
        putIf(f, "title", md.title(), false); // an attachment without a title is unusable in wp-admin
        putIf(f, "caption", md.caption(), all);
        putIf(f, "description", md.description(), all);
        return f;
    }

    private static void putIf(Map<String, Object> f, String key, String value, boolean evenEmpty) {
        if (evenEmpty || !value.isEmpty()) {
            f.put(key, value);
        }
    }

    /**
     * The name sent in Content-Disposition: plain ASCII (accents dropped, other characters as "-"), so the HTTP
     * header is valid and WordPress keeps the name as sent (it would sanitise it anyway).
     */
    static String fileName(Upload upload) {
        String n = Normalizer.normalize(upload.image().fileName(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        n = n.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
        int dot = n.lastIndexOf('.');
        String stem = dot > 0 ? n.substring(0, dot) : n;
        stem = stem.replaceAll("^[-.]+|[-.]+$", "");
        if (stem.isEmpty()) {
            stem = "image";
        }
        return stem + "." + upload.image().format().extension().toLowerCase(Locale.ROOT);
    }

    private static long id(RemoteRef ref) throws LumasyncException {
        try {
            return Long.parseLong(ref.id());
        } catch (NumberFormatException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, "'" + ref.id() + "' is not a WordPress attachment ID.", e);
        }
    }

    private static RemoteRef ref(WpMedia m) {
        return new RemoteRef(Long.toString(m.id()), m.recordedUrl());
    }
}
