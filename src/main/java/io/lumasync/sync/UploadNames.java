package io.lumasync.sync;

import io.lumasync.core.ConfigurationException;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.DestinationType;
import io.lumasync.image.CaptureFacts;
import io.lumasync.store.Job;
import io.lumasync.store.SyncMapEntry;
import io.lumasync.sync.naming.NameTemplate;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names a new upload by its destination's file-name template ({@code name_template}), unique among the names of
 * the files already published there. Only new uploads are named: a published file keeps its name when the template
 * changes, until the user renames it on purpose.
 */
final class UploadNames {
    /** Names given in this run, per destination: two uploads sent side by side never get the same name. */
    private final Map<String, Set<String>> given = new HashMap<>();

    /** Refuses a template that would not work, in words that say how to fix it. */
    static void check(Map<String, String> settings) throws LumasyncException {
        Optional<String> t = template(settings);
        if (t.isPresent()) {
            try {
                NameTemplate.parse(t.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
        }
    }

    static Optional<String> template(Map<String, String> settings) {
        return Optional.ofNullable(settings.get(DestinationType.NAME_TEMPLATE.key())).filter(s -> !s.isBlank());
    }

    /** The image under its template name; the image itself when the destination has no template. */
    synchronized EncodedImage apply(Optional<String> template, Job job, EncodedImage img, Known known,
                                    Collection<SyncMapEntry> published) {
        if (template.isEmpty()) {
            return img;
        }
        Set<String> mine = given.computeIfAbsent(job.destination(), d -> new HashSet<>());
        String name = name(template.get(), job.source(), job.assetId(), job.assetName(), job.folder(), known, img,
                published, mine);
        mine.add(lastSegment(name).toLowerCase(Locale.ROOT));
        return renamed(img, name);
    }

    /** The template's name for one image, unique among the published names and {@code alsoTaken}. */
    static String name(String template, String source, String assetId, String assetName, String folder, Known known,
                       EncodedImage img, Collection<SyncMapEntry> published, Set<String> alsoTaken) {
        Set<String> taken = new HashSet<>(alsoTaken);
        for (SyncMapEntry e : published) {
            if (!(e.source().equals(source) && e.assetId().equals(assetId))) {
                taken.add(lastSegment(e.remote().url()).toLowerCase(Locale.ROOT));
                taken.add(lastSegment(e.remote().id()).toLowerCase(Locale.ROOT));
            }
        }
        String original = assetName.contains(".") ? assetName.substring(0, assetName.lastIndexOf('.')) : assetName;
        NameTemplate.Facts facts = new NameTemplate.Facts(known.title(), Optional.of(known.captureDate()),
                published.size() + 1, known.capture().camera(), source, folder, original, img.width(), known.prompt(),
                img.format().extension());
        return NameTemplate.parse(template).render(facts, n -> taken.contains(lastSegment(n).toLowerCase(Locale.ROOT)));
    }

    /**
     * What the image itself says, beyond its file: the title given, the EXIF capture facts, the file's time (the
     * capture date when EXIF has none) and, for a generated image, the prompt that made it.
     */
    record Known(String title, CaptureFacts capture, long fileTimeMs, String prompt) {
        /** The day the photo was taken: DateTimeOriginal, else the file's time on this computer's calendar. */
        LocalDate captureDate() {
            return capture.taken().map(LocalDateTime::toLocalDate).orElseGet(() ->
                    LocalDate.ofInstant(Instant.ofEpochMilli(fileTimeMs), ZoneId.systemDefault()));
        }
    }

    static EncodedImage renamed(EncodedImage img, String name) {
        return new EncodedImage(img.bytes(), img.format(), name, img.width(), img.height(), img.inputBytes(),
                img.notes());
    }

    static String lastSegment(String s) {
        String path = s;
        try {
            String p = URI.create(s).getPath();
            if (p != null) {
                path = p;
            }
        } catch (IllegalArgumentException e) {
            // not an address (a file id): its own last part is the name
        }
        String cut = path.replace('\\', '/');
        return cut.substring(cut.lastIndexOf('/') + 1);
    }
}
