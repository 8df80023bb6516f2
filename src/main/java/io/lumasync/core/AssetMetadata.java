package io.lumasync.core;

/** Descriptive text published with an asset; empty strings mean "not set". */
public record AssetMetadata(String altText, String title, String caption, String description) {
    public static final AssetMetadata EMPTY = new AssetMetadata("", "", "", "");

    public AssetMetadata {
        altText = altText == null ? "" : altText;
        title = title == null ? "" : title;
        caption = caption == null ? "" : caption;
        description = description == null ? "" : description;
    }

    public AssetMetadata withAltText(String alt) {
        return new AssetMetadata(alt, title, caption, description);
    }

    /** Stable text for change detection. */
    public String canonical() {
        return altText + "\u0000" + title + "\u0000" + caption + "\u0000" + description;
    }
}
