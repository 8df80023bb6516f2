package io.lumasync.image.vips;

import java.lang.foreign.MemorySegment;

/**
 * A reference to a libvips image. Owned by the {@link VipsScope} that made it, which drops the reference
 * ({@code g_object_unref}) when it closes; never use one after its scope closed.
 */
public final class VipsImage {
    private final Vips vips;
    private final MemorySegment handle;

    VipsImage(Vips vips, MemorySegment handle) {
        this.vips = vips;
        this.handle = handle;
    }

    MemorySegment handle() {
        return handle;
    }

    public int width() {
        return vips.intGetter("vips_image_get_width", this);
    }

    public int height() {
        return vips.intGetter("vips_image_get_height", this);
    }

    public int bands() {
        return vips.intGetter("vips_image_get_bands", this);
    }

    /** A {@code VipsInterpretation} value, see {@link VipsEnums}. */
    public int interpretation() {
        return vips.intGetter("vips_image_get_interpretation", this);
    }

    /** A {@code VipsBandFormat} value, see {@link VipsEnums}. */
    public int bandFormat() {
        return vips.intGetter("vips_image_get_format", this);
    }

    /** Number of pages (frames of an animation); 1 for a still image. */
    public int pages() {
        return vips.intGetter("vips_image_get_n_pages", this);
    }

    /** Height of one page in a multi-page image loaded with all pages; the full height otherwise. */
    public int pageHeight() {
        return vips.intGetter("vips_image_get_page_height", this);
    }

    public boolean hasAlpha() {
        return vips.intGetter("vips_image_hasalpha", this) != 0;
    }
}
