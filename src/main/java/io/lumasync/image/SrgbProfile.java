package io.lumasync.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Recognises an embedded ICC profile that describes sRGB itself (most camera JPEGs and editors' web exports carry
 * one): converting such an image "to sRGB" is an identity that costs about a tenth of the whole conversion's time,
 * so the pipeline skips it. Only a matrix/TRC RGB profile qualifies — sRGB's colorants (D50-adapted) within 0.002
 * and tone curves within half an 8-bit step of sRGB's — never one with lookup tables (A2B/B2A), whose rendering a
 * colour engine would prefer over the matrix. Anything unreadable counts as "not sRGB", so it is converted.
 */
final class SrgbProfile {
    private static final double[][] COLORANTS = {
            {0.4361, 0.2225, 0.0139}, {0.3851, 0.7169, 0.0971}, {0.1431, 0.0606, 0.7141}};
    private static final String[] XYZ_TAGS = {"rXYZ", "gXYZ", "bXYZ"};
    private static final String[] TRC_TAGS = {"rTRC", "gTRC", "bTRC"};
    private static final double COLORANT_TOLERANCE = 0.002;
    private static final double CURVE_TOLERANCE = 0.5 / 255;

    private SrgbProfile() {
    }

    static boolean is(byte[] icc) {
        try {
            ByteBuffer b = ByteBuffer.wrap(icc).order(ByteOrder.BIG_ENDIAN);
            if (icc.length < 132 || !text(b, 16).equals("RGB ") || !text(b, 20).equals("XYZ ")) {
                return false;
            }
            int count = b.getInt(128);
            if (count <= 0 || count > 100) {
                return false;
            }
            for (String lut : new String[]{"A2B0", "A2B1", "A2B2", "B2A0", "B2A1", "B2A2"}) {
                if (tag(b, count, lut) >= 0) {
                    return false;
                }
            }
            for (int c = 0; c < 3; c++) {
                int xyz = tag(b, count, XYZ_TAGS[c]);
                if (xyz < 0 || !text(b, xyz).equals("XYZ ")) {
                    return false;
                }
                for (int i = 0; i < 3; i++) {
                    if (Math.abs(fixed(b, xyz + 8 + 4 * i) - COLORANTS[c][i]) > COLORANT_TOLERANCE) {
                        return false;
                    }
                }
                int trc = tag(b, count, TRC_TAGS[c]);
                if (trc < 0 || !curveIsSrgb(b, trc)) {
                    return false;
                }
            }
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** The offset of a tag's data, or -1. */
    private static int tag(ByteBuffer b, int count, String signature) {
        for (int i = 0; i < count; i++) {
            int entry = 132 + 12 * i;
            if (text(b, entry).equals(signature)) {
                return b.getInt(entry + 4);
            }
        }
        return -1;
    }

    private static boolean curveIsSrgb(ByteBuffer b, int at) {
        for (int i = 0; i <= 32; i++) {
            double x = i / 32.0;
            double y = switch (text(b, at)) {
                case "curv" -> curv(b, at, x);
                case "para" -> para(b, at, x);
                default -> Double.NaN;
            };
            if (!(Math.abs(y - srgb(x)) <= CURVE_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /** A sampled curve (linear interpolation between entries), or a single gamma. */
    private static double curv(ByteBuffer b, int at, double x) {
        int n = b.getInt(at + 8);
        if (n == 0) {
            return x;
        }
        if (n == 1) {
            return Math.pow(x, (b.getShort(at + 12) & 0xffff) / 256.0);
        }
        double pos = x * (n - 1);
        int i = (int) Math.min(Math.floor(pos), n - 2);
        double y0 = (b.getShort(at + 12 + 2 * i) & 0xffff) / 65535.0;
        double y1 = (b.getShort(at + 12 + 2 * (i + 1)) & 0xffff) / 65535.0;
        return y0 + (y1 - y0) * (pos - i);
    }

    /** ICC parametric curve types 0–4. */
    private static double para(ByteBuffer b, int at, double x) {
        int type = b.getShort(at + 8) & 0xffff;
        double[] p = new double[7];
        int params = switch (type) {
            case 0 -> 1;
            case 1 -> 3;
            case 2 -> 4;
            case 3 -> 5;
            case 4 -> 7;
            default -> -1;
        };
        if (params < 0) {
            return Double.NaN;
        }
        for (int i = 0; i < params; i++) {
            p[i] = fixed(b, at + 12 + 4 * i);
        }
        double g = p[0];
        return switch (type) {
            case 0 -> Math.pow(x, g);
            case 1 -> x >= -p[2] / p[1] ? Math.pow(p[1] * x + p[2], g) : 0;
            case 2 -> x >= -p[2] / p[1] ? Math.pow(p[1] * x + p[2], g) + p[3] : p[3];
            case 3 -> x >= p[4] ? Math.pow(p[1] * x + p[2], g) : p[3] * x;
            default -> x >= p[4] ? Math.pow(p[1] * x + p[2], g) + p[5] : p[3] * x + p[6];
        };
    }

    private static double srgb(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double fixed(ByteBuffer b, int at) {
        return b.getInt(at) / 65536.0;
    }

    private static String text(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (b.get(at + i) & 0xff);
        }
        return new String(c);
    }
}
