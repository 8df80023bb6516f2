package io.lumasync.image.vips;

/** The libvips enum and flag values we use (from the libvips headers; stable across 8.x). */
public final class VipsEnums {
    private VipsEnums() {
    }

    // VipsSize
    public static final int SIZE_DOWN = 2;
    // VipsIntent
    public static final int INTENT_PERCEPTUAL = 0;
    public static final int INTENT_RELATIVE = 1;
    // VipsFailOn: TRUNCATED makes a cut-off file an error instead of silently grey pixels.
    public static final int DIRECTION_HORIZONTAL = 0;
    public static final int DIRECTION_VERTICAL = 1;

    public static final int FAIL_ON_TRUNCATED = 1;
    public static final int FAIL_ON_ERROR = 2;
    // VipsAccess
    public static final int ACCESS_SEQUENTIAL = 1;
    // VipsInterpretation
    public static final int INTERPRETATION_B_W = 1;
    public static final int INTERPRETATION_CMYK = 15;
    public static final int INTERPRETATION_RGB = 17;
    public static final int INTERPRETATION_SRGB = 22;
    public static final int INTERPRETATION_RGB16 = 25;
    public static final int INTERPRETATION_GREY16 = 26;
    public static final int INTERPRETATION_SCRGB = 28;
    // VipsBandFormat
    public static final int FORMAT_UCHAR = 0;
    public static final int FORMAT_USHORT = 2;
    // VipsForeignKeep flags
    public static final int KEEP_NONE = 0;
    public static final int KEEP_EXIF = 1;
    public static final int KEEP_XMP = 2;
    public static final int KEEP_IPTC = 4;
    public static final int KEEP_ICC = 8;
    public static final int KEEP_OTHER = 16;
    // VipsForeignHeifCompression / VipsForeignHeifEncoder
    public static final int HEIF_COMPRESSION_AV1 = 4;
    public static final int HEIF_ENCODER_AOM = 1;
}
