package io.lumasync.destination.wordpress.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * An attachment of the Media Library ({@code /wp/v2/media}, {@code context=edit}). The companion plugin's answers
 * add {@code lumasync_version} and {@code versioned_url} (the address with a cache-busting {@code ?v=N}); its
 * sync-id lookup adds {@code lumasync_md5}, the MD5 of the file as uploaded ("" elsewhere).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WpMedia(long id, long author, String sourceUrl, String mimeType, String slug, WpText title,
                      WpText caption, WpText description, String altText, WpMediaDetails mediaDetails,
                      Map<String, Object> meta, Integer lumasyncVersion, String versionedUrl, String lumasyncMd5) {
    public WpMedia {
        lumasyncMd5 = lumasyncMd5 == null ? "" : lumasyncMd5;
        sourceUrl = sourceUrl == null ? "" : sourceUrl;
        mimeType = mimeType == null ? "" : mimeType;
        title = title == null ? new WpText("", "") : title;
        caption = caption == null ? new WpText("", "") : caption;
        description = description == null ? new WpText("", "") : description;
        altText = altText == null ? "" : altText;
        mediaDetails = mediaDetails == null ? new WpMediaDetails(0, 0, 0, "", "") : mediaDetails;
        meta = meta == null ? Map.of() : meta;
    }

    /** The file name at the end of the address, e.g. {@code heron-2.jpg}. */
    public String fileName() {
        String path = sourceUrl;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The address to record: the versioned one when the companion plugin gave it. */
    public String recordedUrl() {
        return versionedUrl == null || versionedUrl.isBlank() ? sourceUrl : versionedUrl;
    }
}
