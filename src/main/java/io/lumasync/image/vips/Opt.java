package io.lumasync.image.vips;

/**
 * One optional argument of a libvips operation, passed as a name/value pair in its NULL-terminated argument list.
 * Values: Integer (also enums and flags), Boolean, Double, double[] (a VipsArrayDouble, e.g. a background colour),
 * String, or a {@link VipsImage}.
 */
public record Opt(String name, Object value) {
    public Opt {
        if (!(value instanceof Integer || value instanceof Boolean || value instanceof Double
                || value instanceof double[] || value instanceof String || value instanceof VipsImage)) {
            throw new IllegalArgumentException("Unsupported libvips option type for " + name + ": " + value);
        }
    }

    public static Opt of(String name, int value) {
        return new Opt(name, value);
    }

    public static Opt of(String name, boolean value) {
        return new Opt(name, value);
    }

    public static Opt of(String name, double value) {
        return new Opt(name, value);
    }

    public static Opt of(String name, double[] value) {
        return new Opt(name, value.clone());
    }

    public static Opt of(String name, String value) {
        return new Opt(name, value);
    }
}
