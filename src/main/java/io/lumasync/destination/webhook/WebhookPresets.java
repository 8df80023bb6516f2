package io.lumasync.destination.webhook;

import io.lumasync.destination.ReplaceStrategy;

import java.util.List;
import java.util.Optional;

/**
 * The presets, as data. Each names the vendor page its request follows. {@code {{token}}} is the optional API
 * token kept in the keychain; {@code <…>} parts are the user's own values.
 */
public final class WebhookPresets {
    private static final ReplaceStrategy SAME = ReplaceStrategy.SAME_ID_SAME_URL;
    private static final ReplaceStrategy NEW_URL = ReplaceStrategy.SAME_ID_NEW_URL;
    private static final ReplaceStrategy NONE = ReplaceStrategy.PUT_THEN_REMOVE;
    private static final String PATH = "{{folder_path}}{{filename}}";

    private static final List<WebhookPreset> ALL = List.of(
            new WebhookPreset("cloudinary", "Cloudinary (unsigned upload preset)",
                    "https://cloudinary.com/documentation/image_upload_api_reference#upload",
                    "POST", "https://api.cloudinary.com/v1_1/<cloud_name>/image/upload", "form", "",
                    "upload_preset=<unsigned_preset>\npublic_id={{source_asset_id}}\ncontext=alt={{alt_text}}",
                    "public_id", "secure_url", NEW_URL,
                    "Create an unsigned upload preset with 'Overwrite' turned on (unsigned uploads may not send the "
                            + "overwrite parameter themselves, see https://cloudinary.com/documentation/"
                            + "ts_unsupported_parameters_in_unsigned_uploads). The URL gains a new version on update."),
            new WebhookPreset("supabase", "Supabase Storage",
                    "https://supabase.com/docs/reference/javascript/storage-from-upload",
                    "POST", "https://<project_ref>.supabase.co/storage/v1/object/<bucket>/" + PATH, "raw",
                    "Authorization: Bearer {{token}}\nx-upsert: true", "",
                    "Key", "https://<project_ref>.supabase.co/storage/v1/object/public/{{asset_id}}", SAME,
                    "Token: a service-role key or a user JWT allowed to write the bucket. x-upsert overwrites in place."),
            new WebhookPreset("bunny", "Bunny Storage",
                    "https://docs.bunny.net/reference/put_-storagezonename-path-filename",
                    "PUT", "https://storage.bunnycdn.com/<storage_zone>/" + PATH, "raw", "AccessKey: {{token}}", "",
                    "{{folder_path}}{{filename}}", "https://<pull_zone>.b-cdn.net/{{folder_path}}{{filename}}", SAME,
                    "Token: the storage zone's password (FTP & API access). Use your region's host, e.g. "
                            + "ny.storage.bunnycdn.com. Purge the pull zone cache to see updates at once."),
            new WebhookPreset("vercel-blob", "Vercel Blob",
                    "https://vercel.com/docs/vercel-blob/using-blob-sdk#put",
                    "PUT", "https://blob.vercel-storage.com/" + PATH, "raw",
                    "Authorization: Bearer {{token}}\nx-api-version: 7\nx-add-random-suffix: 0\n"
                            + "x-allow-overwrite: 1\nx-content-type: {{mime}}", "",
                    "pathname", "url", SAME,
                    "Token: the store's BLOB_READ_WRITE_TOKEN. This is the HTTP form of the SDK's put(); Vercel "
                            + "documents the SDK, not the raw API, so check it after SDK updates."),
            new WebhookPreset("firebase", "Firebase Storage (Cloud Storage JSON API)",
                    "https://cloud.google.com/storage/docs/uploading-objects#uploading-an-object",
                    "POST", "https://storage.googleapis.com/upload/storage/v1/b/<bucket>.appspot.com/o"
                    + "?uploadType=media&name=" + PATH, "raw", "Authorization: Bearer {{token}}", "",
                    "name", "mediaLink", SAME,
                    "Token: an OAuth access token with devstorage.read_write (e.g. from a service account); "
                            + "such tokens expire after an hour."),
            new WebhookPreset("s3-presigned", "S3 / R2 / Spaces presigned PUT",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html",
                    "PUT", "<presigned_url>", "raw", "", "",
                    "{{folder_path}}{{filename}}", "", SAME,
                    "A presigned URL is made for one object and expires; use it for a test or a single file. For a "
                            + "whole library use the S3-compatible destination instead."),
            new WebhookPreset("strapi", "Strapi Media Library",
                    "https://docs.strapi.io/cms/api/rest/upload",
                    "POST", "https://<strapi_host>/api/upload", "form", "Authorization: Bearer {{token}}",
                    "files=@file\nfileInfo={\"name\":\"{{filename}}\",\"alternativeText\":\"{{alt_text}}\","
                            + "\"caption\":\"{{caption}}\"}",
                    "[0].id", "[0].url", NONE,
                    "Token: an API token with upload permission. Each upload makes a new media entry."),
            new WebhookPreset("sanity", "Sanity assets",
                    "https://www.sanity.io/docs/http-reference/assets",
                    "POST", "https://<project_id>.api.sanity.io/v2021-06-07/assets/images/<dataset>"
                    + "?filename={{filename}}&label={{alt_text}}", "raw", "Authorization: Bearer {{token}}", "",
                    "document._id", "document.url", NONE,
                    "Token: an API token with Editor rights. Sanity stores identical files once."),
            new WebhookPreset("ghost", "Ghost Admin API images",
                    "https://ghost.org/docs/admin-api/#uploading-an-image",
                    "POST", "https://<site>/ghost/api/admin/images/upload/", "form",
                    "Authorization: Ghost {{token}}\nAccept-Version: v5.0", "file=@file\nref={{source_asset_id}}",
                    "images[0].url", "images[0].url", NONE,
                    "Ghost wants a short-lived JWT made from the Admin API key, not the key itself; a token pasted "
                            + "here works for 5 minutes. For lasting use put a small relay that makes the JWT."),
            new WebhookPreset("bynder", "Bynder (through a relay)",
                    "https://bynder.docs.apiary.io/#reference/upload-assets",
                    "POST", "https://<your_relay>/bynder-upload", "json", "", "",
                    "asset_id", "asset_url", NEW_URL,
                    "Bynder's upload is several requests (prepare, upload chunks, finalise, save). Point this at a "
                            + "relay (e.g. a serverless function) that checks the signature and performs them."),
            new WebhookPreset("datocms", "DatoCMS (through a relay)",
                    "https://www.datocms.com/docs/content-management-api/resources/upload/create",
                    "POST", "https://<your_relay>/datocms-upload", "json", "", "",
                    "asset_id", "asset_url", NEW_URL,
                    "DatoCMS uploads in three steps (ask for an upload URL, PUT the file, create the upload record). "
                            + "Point this at a relay that checks the signature and performs them."),
            new WebhookPreset("uploadcare", "Uploadcare",
                    "https://uploadcare.com/api-refs/upload-api/#tag/Upload/operation/baseUpload",
                    "POST", "https://upload.uploadcare.com/base/", "form", "",
                    "UPLOADCARE_PUB_KEY=<public_key>\nUPLOADCARE_STORE=auto\nfile=@file",
                    "file", "https://ucarecdn.com/{{asset_id}}/", NONE,
                    "Each upload makes a new file (UUID); the old one is removed by the service's own rules."));

    private WebhookPresets() {
    }

    public static List<WebhookPreset> all() {
        return ALL;
    }

    public static Optional<WebhookPreset> byId(String id) {
        return ALL.stream().filter(p -> p.id().equalsIgnoreCase(id.strip())).findFirst();
    }
}
