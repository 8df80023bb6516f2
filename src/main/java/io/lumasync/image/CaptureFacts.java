package io.lumasync.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * When and with what camera a photo was taken, as its EXIF block says: DateTimeOriginal, Make and Model. Read from
 * the first {@link #HEAD_BYTES} of the file without decoding any pixels (JPEG APP1, the PNG eXIf chunk, a WebP EXIF
 * chunk near the start, the "Exif" item of HEIC and AVIF files); a damaged or hostile block yields what could be
 * read, never an exception.
 *
 * @param taken  DateTimeOriginal, the moment the shutter fired (local time of the camera, no zone)
 * @param camera make and model in plain words ("Nikon D850"), without the maker's company suffix or a repeated
 *               make; empty when the file does not say
 */
public record CaptureFacts(Optional<LocalDateTime> taken, String camera) {
    static final int HEAD_BYTES = 1 << 18;
    public static final CaptureFacts NONE = new CaptureFacts(Optional.empty(), "");
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAKE = 0x010F;
    private static final int MODEL = 0x0110;
    private static final int EXIF_POINTER = 0x8769;
    private static final int DATE_TIME_ORIGINAL = 0x9003;
    private static final int MAX_SEGMENTS = 256;
    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss", Locale.ROOT);
    /** Company words makers put into Make ("NIKON CORPORATION", "OLYMPUS IMAGING CORP."): noise in a file name. */
    private static final String COMPANY = "(?i)\\b(corporation|corp|co|ltd|inc|company|imaging|optical|electric"
            + "|digital solutions|camera|cameras)\\b\\.?";

    public CaptureFacts {
        camera = camera == null ? "" : camera;
    }

    /**
     * The facts of a file; {@link #NONE} when it has no EXIF block or it cannot be read. A HEIF file's EXIF item is
     * read where its boxes place it, at most {@link HeifExif#MAX_LENGTH} bytes.
     */
    public static CaptureFacts read(Path file) {
        try (FileChannel ch = FileChannel.open(file)) {
            byte[] head = readAt(ch, 0, HEAD_BYTES);
            Optional<HeifExif.Extent> item = HeifExif.locate(head);
            if (item.isPresent()) {
                return fromHeifItem(readAt(ch, item.get().offset(), item.get().length()));
            }
            return tiff(head).map(CaptureFacts::fromTiff).orElse(NONE);
        } catch (IOException | RuntimeException e) {
            return NONE;   // a file name never fails a photo
        }
    }

    /** The facts in a file's bytes (its head, or all of it for HEIF, whose EXIF item may lie anywhere). */
    public static CaptureFacts of(byte[] bytes) {
        try {
            Optional<HeifExif.Extent> item = HeifExif.locate(bytes);
            if (item.isPresent()) {
                long end = item.get().offset() + item.get().length();
                return end > bytes.length ? NONE : fromHeifItem(Arrays.copyOfRange(bytes,
                        (int) item.get().offset(), (int) end));
            }
            return tiff(bytes).map(CaptureFacts::fromTiff).orElse(NONE);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /** A HEIF "Exif" item: a 32-bit offset to the TIFF header, then the block (often after "Exif\0\0"). */
    private static CaptureFacts fromHeifItem(byte[] item) {
        if (item.length < 12) {
            return NONE;
        }
        long skip = ByteBuffer.wrap(item).getInt() & 0xffffffffL;
        if (4 + skip >= item.length) {
            return NONE;
        }
        byte[] rest = Arrays.copyOfRange(item, 4 + (int) skip, item.length);
        return fromTiff(startsWith(rest, EXIF_HEADER) ? Arrays.copyOfRange(rest, EXIF_HEADER.length, rest.length)
                : rest);
    }

    private static byte[] readAt(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, Math.max(0, ch.size() - offset)));
        while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
            // keep reading until the range is in or the file ends
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    /** "Nikon D850" from Make "NIKON CORPORATION" and Model "NIKON D850"; the model alone when it names the make. */
    public static String camera(String make, String model) {
        String m = make.replaceAll(COMPANY, " ").replaceAll("[\\s,.]+", " ").strip();
        String mo = model.replaceAll("\\s+", " ").strip();
        if (m.isEmpty()) {
            return mo;
        }
        String firstWord = m.split(" ")[0].toLowerCase(Locale.ROOT);
        if (mo.toLowerCase(Locale.ROOT).startsWith(firstWord)) {
            return mo;
        }
        return (m + " " + mo).strip();
    }

    private static CaptureFacts fromTiff(byte[] tiff) {
        if (tiff.length < 8) {
            return NONE;
        }
        ByteOrder order = tiff[0] == 'I' && tiff[1] == 'I' ? ByteOrder.LITTLE_ENDIAN
                : tiff[0] == 'M' && tiff[1] == 'M' ? ByteOrder.BIG_ENDIAN : null;
        if (order == null) {
            return NONE;
        }
        ByteBuffer in = ByteBuffer.wrap(tiff).order(order);
        if (Short.toUnsignedInt(in.getShort(2)) != 42) {
            return NONE;
        }
        String make = "";
        String model = "";
        Optional<LocalDateTime> taken = Optional.empty();
        for (ExifSlim.Entry e : ExifSlim.read(in, Integer.toUnsignedLong(in.getInt(4)))) {
            if (e.tag() == MAKE) {
                make = ascii(e);
            } else if (e.tag() == MODEL) {
                model = ascii(e);
            } else if (e.tag() == EXIF_POINTER && e.count() == 1) {
                for (ExifSlim.Entry x : ExifSlim.read(in,
                        Integer.toUnsignedLong(ByteBuffer.wrap(e.value()).order(order).getInt()))) {
                    if (x.tag() == DATE_TIME_ORIGINAL) {
                        taken = date(ascii(x));
                    }
                }
            }
        }
        return new CaptureFacts(taken, camera(printable(make), printable(model)));
    }

    private static String ascii(ExifSlim.Entry e) {
        if (e.type() != 2) {
            return "";
        }
        byte[] v = e.value();
        int n = 0;
        while (n < Math.min(v.length, e.count()) && v[n] != 0) {
            n++;
        }
        return new String(v, 0, n, StandardCharsets.ISO_8859_1).strip();
    }

    /** Control characters and the like out: the value ends up in a file name. */
    private static String printable(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}\\p{P}\\p{Zs}]", "").strip();
    }

    private static Optional<LocalDateTime> date(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, EXIF_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();   // "0000:00:00 00:00:00" from cameras with no clock set
        }
    }

    /** The bare TIFF block of a JPEG, PNG or WebP file. */
    private static Optional<byte[]> tiff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return JpegSegments.payload(b, 0xE1, EXIF_HEADER)
                    .map(x -> Arrays.copyOfRange(x, EXIF_HEADER.length, x.length));
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return chunks(b, 8, true, "eXIf");
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E') {
            return chunks(b, 12, false, "EXIF");
        }
        return Optional.empty();
    }

    /** A PNG (big-endian length, type, data, CRC) or RIFF (type, little-endian length, data, pad) chunk's data. */
    private static Optional<byte[]> chunks(byte[] b, int start, boolean png, String type) {
        int p = start;
        for (int i = 0; i < MAX_SEGMENTS && p + 8 <= b.length; i++) {
            String name = new String(b, png ? p + 4 : p, 4, StandardCharsets.US_ASCII);
            ByteBuffer len = ByteBuffer.wrap(b, png ? p : p + 4, 4).order(png ? ByteOrder.BIG_ENDIAN
                    : ByteOrder.LITTLE_ENDIAN);
            long size = Integer.toUnsignedLong(len.getInt());
            if (p + 8 + size > b.length) {
                return Optional.empty();
            }
            if (name.equals(type)) {
                byte[] data = Arrays.copyOfRange(b, p + 8, p + 8 + (int) size);
                return Optional.of(startsWith(data, EXIF_HEADER)
                        ? Arrays.copyOfRange(data, EXIF_HEADER.length, data.length) : data);
            }
            if (png && name.equals("IDAT")) {
                return Optional.empty();
            }
            p += 8 + (int) size + (png ? 4 : (int) (size & 1));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }
}
