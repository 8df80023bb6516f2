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
