package io.lumasync.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Files built to hurt an image reader, as a stranger could drop them into a shared folder: each one reproduces an
 * attack or a bug seen against the pipeline. Every method writes its file into {@code dir} and returns it.
 */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** An SVG that claims to be AVIF (its first bytes put "ftypavif" at offset 4), with exponentially nested use. */
    public static Path svgAsAvif(Path dir, String name) throws IOException {
        StringBuilder svg = new StringBuilder("<!--ftypavif -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"3000\" height=\"3000\"><defs>"
                + "<g id=\"l0\"><rect width=\"3000\" height=\"3000\" fill=\"red\" opacity=\"0.01\"/></g>");
        for (int level = 1; level <= 9; level++) {
            svg.append("<g id=\"l").append(level).append("\">");
            for (int i = 0; i < 10; i++) {
                svg.append("<use xlink:href=\"#l").append(level - 1).append("\"/>");
            }
            svg.append("</g>");
        }
        svg.append("</defs><use xlink:href=\"#l9\"/></svg>\n");
        return write(dir.resolve(name), svg.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An SVG posing as AVIF whose picture is a neighbouring file ({@code neighbour}, relative to the SVG):
     * publishing it would publish that private file.
     */
    public static Path svgWithNeighbour(Path dir, String name, String neighbour) throws IOException {
        String svg = "<!--ftypavif -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"400\" height=\"300\">"
                + "<image href=\"" + neighbour + "\" xlink:href=\"" + neighbour + "\" width=\"400\" height=\"300\"/>"
                + "</svg>\n";
        return write(dir.resolve(name), svg.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 404-byte PSB whose layer section holds a "wide" (64-bit length) block with a negative length: a reader
     * that trusts it walks back to the same block for ever.
     */
    public static Path psbNegativeBlock(Path dir, String name) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(404).order(ByteOrder.BIG_ENDIAN);
        b.put("8BPS".getBytes(StandardCharsets.US_ASCII)).putShort((short) 2).put(new byte[6]);
        b.putShort((short) 3).putInt(8).putInt(8).putShort((short) 8).putShort((short) 3);   // RGB 8 × 8, 8 bit
        b.putInt(0).putInt(0);                   // no colour mode data, no image resources
        long section = 8 + 4 + 16 + 64;          // layer info length, mask length, one block, slack
        b.putLong(section);
        b.putLong(0);                            // no layer info
        b.putInt(0);                             // no global layer mask
        b.put("8BIMLr16".getBytes(StandardCharsets.US_ASCII)).putLong(-16);
        b.position((int) (26 + 8 + 8 + section));
        b.putShort((short) 0);                   // raw composite; its pixels follow (zero)
        return write(dir.resolve(name), b.array());
    }

    /** An RLE8 BMP declaring {@code width} × 1 pixels, its whole data the "end of bitmap" escape. */
    public static Path rleBmp(Path dir, String name, int width, int height, byte[] rle) throws IOException {
        int dataOffset = 14 + 40 + 256 * 4;
        ByteBuffer b = ByteBuffer.allocate(dataOffset + rle.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(dataOffset);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8).putInt(1)
                .putInt(rle.length).putInt(2835).putInt(2835).putInt(0).putInt(0);
        for (int i = 0; i < 256; i++) {
            b.put((byte) i).put((byte) i).put((byte) i).put((byte) 0);
        }
        b.put(rle);
        return write(dir.resolve(name), b.array());
    }

    /** 200,000,000 × 1 pixels from a file of about a kilobyte. */
    public static Path bmpBomb(Path dir, String name) throws IOException {
        return rleBmp(dir, name, 200_000_000, 1, new byte[]{0, 1});
    }

    /**
     * A 4 × 2 RLE8 BMP whose first row is millions of 255-pixel runs that never end the row: the column count
     * passes the row's end and, counted in an int, wraps negative.
     */
    public static Path rleOverrun(Path dir, String name) throws IOException {
        int runs = (Integer.MAX_VALUE / 255) + 16;
        byte[] rle = new byte[runs * 2 + 4];
        for (int i = 0; i < runs; i++) {
            rle[2 * i] = (byte) 255;
            rle[2 * i + 1] = 7;
        }
        rle[rle.length - 2] = 0;   // then end of bitmap; the final end-of-row is left out on purpose
        rle[rle.length - 1] = 1;
        return rleBmp(dir, name, 4, 2, rle);
    }

    /**
     * A greyscale PNG of {@code side} × {@code side} black pixels: under a megabyte on disk at 30000, yet
     * 900 million pixels to whoever decodes it whole.
     */
    public static Path hugePng(Path dir, String name, int side) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(9);
        try (OutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[side + 1];   // filter byte 0, then the row's samples
            for (int y = 0; y < side; y++) {
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return write(dir.resolve(name), png.toByteArray());
    }

    /** The first {@code fraction} of a good file. */
    public static Path truncated(Path good, Path dir, String name, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(good);
        return write(dir.resolve(name), Arrays.copyOf(all, (int) (all.length * fraction)));
    }

    /** A web page saved under a photo's name. */
    public static Path wrongExtension(Path dir, String name) throws IOException {
        return write(dir.resolve(name), "<!DOCTYPE html><html><body><img src=\"x.jpg\"></body></html>\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(t);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
