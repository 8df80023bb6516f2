package io.lumasync.source;

import java.util.HexFormat;

/**
 * Microsoft's QuickXorHash (learn.microsoft.com/onedrive/developer/code-snippets/quickxorhash), the content hash
 * OneDrive and SharePoint give for every file: each input byte is XORed into a 160-bit ring, shifted 11 bits further
 * per byte, and the total length (64-bit little-endian) is XORed into the last 8 bytes. Graph sends it in Base64;
 * the fingerprint form here is lower-case hex ({@code quickxor:…}).
 */
final class QuickXorDigest implements ContentDigest {
    private static final int WIDTH_BYTES = 20;
    private static final int WIDTH_BITS = WIDTH_BYTES * 8;
    private static final int SHIFT = 11;

    private final byte[] ring = new byte[WIDTH_BYTES];
    private long length;
    private int shift; // bit position of the next byte in the ring

    @Override
    public void update(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int at = shift >>> 3;
            int bits = shift & 7;
            int v = (b[i] & 0xff) << bits; // up to 15 bits: spills into the next ring byte
            ring[at] ^= (byte) v;
            if (bits != 0) {
                ring[(at + 1) % WIDTH_BYTES] ^= (byte) (v >>> 8);
            }
            shift = (shift + SHIFT) % WIDTH_BITS;
        }
        length += len;
    }

    @Override
    public String hex() {
        byte[] out = ring.clone();
        for (int i = 0; i < 8; i++) {
            out[WIDTH_BYTES - 8 + i] ^= (byte) (length >>> (8 * i));
        }
        return HexFormat.of().formatHex(out);
    }

    @Override
    public String algorithm() {
        return "quickxor";
    }
}
