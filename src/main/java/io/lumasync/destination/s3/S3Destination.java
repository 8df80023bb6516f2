package io.lumasync.destination.s3;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.http.BodyLimits;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes to an S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, DigitalOcean Spaces, Wasabi, MinIO)
 * through the AWS SDK v2. The id of an asset is its object key; replacing it is a PUT to the same key, so id and
 * URL stay the same. Each object carries its sync id and MD5 as user metadata, which is how a put whose answer
 * was lost is recognised ({@link #reconcile}) and how another asset that happens to want the same key is told
 * apart (it gets {@code name-2.ext} instead of overwriting).
 */
public final class S3Destination implements Destination {
    /** The largest single PUT AWS accepts; other providers are not larger. */
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
    private static final int MAX_NAME_TRIES = 100;

    private final S3Client s3;
    private final S3Settings settings;
    private final Map<Integer, String> pageTokens = new HashMap<>();
    private int pageTokensPerPage;
    private volatile Capabilities capabilities;

    public S3Destination(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    @Override
    public Capabilities capabilities() throws LumasyncException {
        if (capabilities == null) {
            try {
                s3.headBucket(b -> b.bucket(settings.bucket()));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    throw new LumasyncException(ErrorKind.UNAVAILABLE, "The " + settings.where()
                            + " does not exist. Check the bucket name, the endpoint and the region.", e);
                }
                throw S3Errors.classify("Checking the " + settings.where(), e);
            } catch (SdkException e) {
                throw S3Errors.classify("Checking the " + settings.where(), e);
            }
            capabilities = new Capabilities(EnumSet.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG,
                    ImageFormat.PNG, ImageFormat.GIF), MAX_SINGLE_PUT, ReplaceStrategy.SAME_ID_SAME_URL, true, true,
                    List.of("Connected to the " + settings.where() + ".",
                            "Objects are named " + settings.keyTemplate() + "; public URLs look like "
                                    + urlFor(KeyTemplate.prefix(settings.keyTemplate()) + "photo.avif")));
        }
        return capabilities;
    }

    @Override
    public RemoteRef put(Upload upload) throws LumasyncException {
        String key = freeKey(KeyTemplate.render(settings.keyTemplate(), upload), upload);
        write(key, upload);
        return refFor(key);
    }

    @Override
    public RemoteRef replace(RemoteRef existing, Upload upload) throws LumasyncException {
        String key = existing.id();
        String ext = upload.image().format().extension();
        if (key.endsWith("." + ext)) {
            write(key, upload);
            return refFor(key);
        }
        // A format change (JPEG → AVIF) takes a key with the right extension; the engine records the new URL.
        String moved = freeKey(KeyTemplate.withExtension(key, ext), upload);
        write(moved, upload);
        remove(existing);
        return refFor(moved);
    }

    @Override
    public Renaming renaming() {
        return new Renaming(Renaming.Route.SERVER_COPY, "The object is copied to its new key inside the bucket (nothing"
                + " is uploaded again, its text stays with it), then the old key is deleted; its address changes.");
    }

    /**
     * Copies the object to the same folder under {@code newName} with CopyObject (metadata copied along), unless
     * another asset holds that key ({@code name-2.ext} then). A copy of this object already there is taken again.
     */
    @Override
    public RemoteRef copyAs(RemoteRef existing, String newName) throws LumasyncException {
        String from = existing.id();
        String doing = "Renaming " + from + " in the " + settings.where();
        HeadObjectResponse head = head(from, from).orElseThrow(() -> LumasyncException.giveUp(doing
                + ": the file is no longer there. Sync it again to publish it anew."));
        String syncId = ObjectMetadata.syncId(head.metadata());
        int slash = from.lastIndexOf('/');
        String wanted = (slash < 0 ? "" : from.substring(0, slash + 1)) + newName.replace('/', '_');
        for (int i = 1; i <= MAX_NAME_TRIES; i++) {
            String key = i == 1 ? wanted : KeyTemplate.withSuffix(wanted, i);
            if (key.equals(from)) {
                return existing; // already under this name (S3 refuses to copy an object onto itself unchanged)
            }
            Optional<HeadObjectResponse> there = head(key, from);
            if (there.isPresent() && (syncId.isEmpty() || !syncId.equals(ObjectMetadata.syncId(there.get().metadata())))) {
                continue;
            }
            try {
                s3.copyObject(b -> {
                    b.sourceBucket(settings.bucket()).sourceKey(from).destinationBucket(settings.bucket())
                            .destinationKey(key).metadataDirective(MetadataDirective.COPY);
                    if (!settings.acl().isEmpty()) {
                        b.acl(settings.acl());
                    }
                });
            } catch (SdkException e) {
                throw S3Errors.classify(doing, e);
            }
            return refFor(key);
        }
        throw LumasyncException.giveUp(doing + ": " + MAX_NAME_TRIES + " other files already use the new name.");
    }

    /** {@code wanted}, or {@code wanted-2…} when another asset already holds it; a key held by this asset is reused. */
    private String freeKey(String wanted, Upload upload) throws LumasyncException {
        for (int i = 1; i <= MAX_NAME_TRIES; i++) {
            String key = i == 1 ? wanted : KeyTemplate.withSuffix(wanted, i);
            Optional<HeadObjectResponse> there = head(key, upload.image().fileName());
            if (there.isEmpty() || upload.syncId().equals(ObjectMetadata.syncId(there.get().metadata()))) {
                return key;
            }
        }
        throw LumasyncException.giveUp("Uploading " + upload.image().fileName() + " to the " + settings.where()
                + ": " + MAX_NAME_TRIES + " other files already use this name. Change the key template.");
    }

    @Override
    public void updateMetadata(RemoteRef existing, AssetMetadata metadata) throws LumasyncException {
        String key = existing.id();
        HeadObjectResponse head = head(key, key).orElseThrow(() -> LumasyncException.giveUp(
                "Updating the description of " + key + " in the " + settings.where() + ": the file is no longer there."));
        String doing = "Updating the description of " + key + " in the " + settings.where();
        try {
            // S3 cannot edit metadata in place: the object is copied onto itself with the new metadata.
            s3.copyObject(b -> {
                b.sourceBucket(settings.bucket()).sourceKey(key).destinationBucket(settings.bucket())
                        .destinationKey(key).metadataDirective(MetadataDirective.REPLACE)
                        .metadata(ObjectMetadata.withDescription(head.metadata(), metadata))
                        .contentType(head.contentType());
                if (head.cacheControl() != null) {
                    b.cacheControl(head.cacheControl());
                }
                if (!settings.acl().isEmpty()) {
                    b.acl(settings.acl());
                }
            });
        } catch (SdkException e) {
            throw S3Errors.classify(doing, e);
        }
    }

    @Override
    public void remove(RemoteRef ref) throws LumasyncException {
        try {
            s3.deleteObject(b -> b.bucket(settings.bucket()).key(ref.id()));
        } catch (SdkException e) {
            throw S3Errors.classify("Removing " + ref.id() + " from the " + settings.where(), e);
        }
    }

    @Override
    public Optional<RemoteRef> reconcile(Upload upload) throws LumasyncException {
        String wanted = KeyTemplate.render(settings.keyTemplate(), upload);
        String md5 = ObjectMetadata.md5Hex(upload.image().bytes());
        for (int i = 1; i <= MAX_NAME_TRIES; i++) {
            String key = i == 1 ? wanted : KeyTemplate.withSuffix(wanted, i);
            Optional<HeadObjectResponse> there = head(key, upload.image().fileName());
            if (there.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> meta = there.get().metadata();
            if (upload.syncId().equals(ObjectMetadata.syncId(meta))) {
                return md5.equals(meta.get(ObjectMetadata.MD5)) ? Optional.of(refFor(key)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<RemoteAsset> list(int page, int perPage) throws LumasyncException {
        if (perPage != pageTokensPerPage) {
            pageTokens.clear();
            pageTokensPerPage = perPage;
        }
        // S3 pages by continuation token; remember each page's token so page N is one request after a walk.
        int known = page;
        while (known > 1 && !pageTokens.containsKey(known)) {
            known--;
        }
        try {
            ListObjectsV2Response r = null;
            for (int p = known; p <= page; p++) {
                String token = pageTokens.get(p);
                if (p > 1 && token == null) {
                    return List.of();
                }
                r = s3.listObjectsV2(b -> b.bucket(settings.bucket()).prefix(KeyTemplate.prefix(settings.keyTemplate()))
                        .maxKeys(perPage).continuationToken(token));
                if (Boolean.TRUE.equals(r.isTruncated())) {
                    pageTokens.put(p + 1, r.nextContinuationToken());
                }
            }
            List<RemoteAsset> out = new ArrayList<>();
            for (S3Object o : r.contents()) {
                out.add(new RemoteAsset(refFor(o.key()), o.key().substring(o.key().lastIndexOf('/') + 1),
                        ImageFormat.fromExtension(o.key()).map(ImageFormat::mimeType).orElse("application/octet-stream"),
                        o.size(), 0, 0, etagHash(o.eTag())));
            }
            return out;
        } catch (SdkException e) {
            throw S3Errors.classify("Listing the " + settings.where(), e);
        }
    }

    @Override
    public InputStream download(RemoteRef ref) throws LumasyncException {
        try {
            return BodyLimits.bound(s3.getObject(b -> b.bucket(settings.bucket()).key(ref.id())), BodyLimits.FILE);
        } catch (NoSuchKeyException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, ref.id() + " is no longer in the " + settings.where() + ".", e);
        } catch (SdkException e) {
            throw S3Errors.classify("Downloading " + ref.id() + " from the " + settings.where(), e);
        }
    }

    /** The alt text, title, caption and description stored with an object; empty when it is gone. */
    @Override
    public Optional<AssetMetadata> metadata(RemoteRef ref) throws LumasyncException {
        return head(ref.id(), ref.id()).map(h -> ObjectMetadata.description(h.metadata()));
    }

    @Override
    public void close() {
        s3.close();
    }

    private void write(String key, Upload upload) throws LumasyncException {
        byte[] bytes = upload.image().bytes();
        PutObjectRequest.Builder req = PutObjectRequest.builder().bucket(settings.bucket()).key(key)
                .contentType(upload.image().mimeType()).contentLength((long) bytes.length)
                .contentMD5(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(ObjectMetadata.md5Hex(bytes))))
                .metadata(ObjectMetadata.of(upload));
        if (!settings.cacheControl().isEmpty()) {
            req.cacheControl(settings.cacheControl());
        }
        if (!settings.acl().isEmpty()) {
            req.acl(settings.acl());
        }
        try {
            s3.putObject(req.build(), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw S3Errors.classify("Uploading " + upload.image().fileName() + " to the " + settings.where(), e);
        }
    }

    private Optional<HeadObjectResponse> head(String key, String fileName) throws LumasyncException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(settings.bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && (e.awsErrorDetails() == null || !"NoSuchBucket".equals(e.awsErrorDetails().errorCode()))) {
                return Optional.empty();
            }
            throw S3Errors.classify("Uploading " + fileName + " to the " + settings.where(), e);
        } catch (SdkException e) {
            throw S3Errors.classify("Uploading " + fileName + " to the " + settings.where(), e);
        }
    }

    private RemoteRef refFor(String key) {
        return new RemoteRef(key, urlFor(key));
    }

    private String urlFor(String key) {
        if (settings.publicUrl().isEmpty()) {
            return s3.utilities().getUrl(b -> b.bucket(settings.bucket()).key(key)).toExternalForm();
        }
        StringBuilder url = new StringBuilder(settings.publicUrl().replaceAll("/+$", ""));
        for (String segment : key.split("/")) {
            url.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }

    private static String etagHash(String etag) {
        String e = etag == null ? "" : etag.replace("\"", "");
        // A multipart or encrypted object's ETag is not an MD5 of its bytes.
        return e.matches("[0-9a-fA-F]{32}") ? "md5:" + e.toLowerCase(java.util.Locale.ROOT) : "";
    }
}
