package io.lumasync.image;

import io.lumasync.core.MetadataPolicy;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.util.Locale;

/**
 * Applies a {@link MetadataPolicy} to an image about to be saved. libvips keeps EXIF as one field per tag
 * ("exif-ifd3-GPSLatitude") and rewrites the EXIF block from those fields when saving, so removing a field removes
 * the tag from the output. EXIF IFD numbering: 0 main image, 1 thumbnail, 2 Exif, 3 GPS, 4 interoperability.
 */
final class MetadataRules {
    private MetadataRules() {
    }

    /**
     * Edits {@code image} (a private copy) and returns the libvips "keep" flags for the saver.
     *
     * @param keepIcc keep the embedded colour profile (wide gamut kept on purpose)
     */
    static int apply(VipsScope scope, VipsImage image, MetadataPolicy policy, boolean keepIcc) {
        int icc = keepIcc ? VipsEnums.KEEP_ICC : 0;
        // The pixels are upright now; a kept Orientation tag other than 1 would make viewers rotate them again.
        if (scope.has(image, "orientation")) {
            scope.setInt(image, "orientation", 1);
        }
        return switch (policy) {
            case STRIP_ALL -> icc;
            case KEEP_ALL -> {
                carryIptc(scope, image, false);
                yield present(scope, image) | VipsEnums.KEEP_OTHER | icc;
            }
            case WEB_SAFE -> {
                for (String field : scope.fields(image)) {
                    if (isPrivateField(field)) {
                        scope.remove(image, field);
                    }
                }
                scope.blob(image, "xmp-data").ifPresent(xmp -> XmpFilter.webSafe(xmp).ifPresentOrElse(
                        clean -> scope.setBlob(image, "xmp-data", clean),
                        () -> scope.remove(image, "xmp-data")));
                carryIptc(scope, image, true);
                yield present(scope, image) | icc;
            }
        };
    }

    /**
     * Copies the IPTC-IIM caption, keywords, credits… into the XMP packet where the XMP lacks them: WebP and AVIF
     * cannot hold an IIM block, and JPEG readers that look only at XMP find them too. The IIM block itself still
     * goes into JPEG outputs.
     */
    private static void carryIptc(VipsScope scope, VipsImage image, boolean editorialOnly) {
        scope.blob(image, "iptc-data").map(IptcIim::read)
                .flatMap(iim -> IptcToXmp.merge(scope.blob(image, "xmp-data"), iim, editorialOnly))
                .ifPresent(xmp -> scope.setBlob(image, "xmp-data", xmp));
    }

    /** Keep flags for the blocks the image really has: libvips would otherwise write a fresh, useless EXIF block. */
    private static int present(VipsScope scope, VipsImage image) {
        return (scope.has(image, "exif-data") ? VipsEnums.KEEP_EXIF : 0)
                | (scope.has(image, "xmp-data") ? VipsEnums.KEEP_XMP : 0)
                | (scope.has(image, "iptc-data") ? VipsEnums.KEEP_IPTC : 0);
    }

    static boolean isPrivateField(String field) {
        if (field.startsWith("exif-ifd3-") || field.startsWith("exif-ifd1-") || field.equals("jpeg-thumbnail-data")) {
            return true;   // GPS and the embedded thumbnail (which may show the uncropped photo)
        }
        if (field.startsWith("exif-")) {
            String tag = field.substring(field.lastIndexOf('-') + 1);
            return XmpFilter.isPrivate(tag) || tag.toLowerCase(Locale.ROOT).equals("hostcomputer");
        }
        return false;
    }
}
