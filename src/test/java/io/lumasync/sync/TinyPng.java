package io.lumasync.sync;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Writes small valid PNG files (solid grey) without any imaging library. */
final class TinyPng {
    private TinyPng() {
    }

    static byte[] solid(int w, int h, int shade) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int y = 0; y < h; y++) {
                raw.write(0);
                for (int x = 0; x < w; x++) {
                    raw.write(shade & 0xff);
                }
            }
            Deflater d = new Deflater();
            d.setInput(raw.toByteArray());
            d.finish();
            byte[] buf = new byte[4096];
            int n = d.deflate(buf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream ih = new DataOutputStream(ihdr);
            ih.writeInt(w);
            ih.writeInt(h);
            ih.write(new byte[]{8, 0, 0, 0, 0}); // 8-bit greyscale
            chunk(out, "IHDR", ihdr.toByteArray());
            byte[] idat = new byte[n];
            System.arraycopy(buf, 0, idat, 0, n);
            chunk(out, "IDAT", idat);
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A solid PNG with an eXIf chunk (PNG 1.5 extension) as a camera writes it: IFD0 Make and Model, and the Exif
     * IFD's DateTimeOriginal ("yyyy:MM:dd HH:mm:ss").
     */
    static byte[] withExif(int w, int h, int shade, String make, String model, String taken) {
        try {
            byte[] png = solid(w, h, shade);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(png, 0, 33);   // signature and IHDR
            chunk(out, "eXIf", tiff(make, model, taken));
            out.write(png, 33, png.length - 33);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] tiff(String make, String model, String taken) {
        byte[] mk = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] mo = (model + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] dt = (taken + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int exif = ifd0 + ifd0Size;
        int exifSize = 2 + 12 + 4;
        int data = exif + exifSize;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(data + mk.length + mo.length + dt.length);
        b.put(new byte[]{'M', 'M', 0, 42}).putInt(ifd0);
        b.putShort((short) 3);
        b.putShort((short) 0x010F).putShort((short) 2).putInt(mk.length).putInt(data);
        b.putShort((short) 0x0110).putShort((short) 2).putInt(mo.length).putInt(data + mk.length);
        b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exif);
        b.putInt(0);
        b.putShort((short) 1);
        b.putShort((short) 0x9003).putShort((short) 2).putInt(dt.length).putInt(data + mk.length + mo.length);
        b.putInt(0);
        b.put(mk).put(mo).put(dt);
        return b.array();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream o = new DataOutputStream(out);
        o.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        o.write(t);
        o.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        o.writeInt((int) crc.getValue());
    }
}
