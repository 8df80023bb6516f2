package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden tests of the pipeline's rules: alpha, animation, bombs, broken files, never bigger, format fallback. */
class PipelineRulesTest extends PipelineTestBase {

    private static EncodeSettings fixed(OutputFormat f, int q) {
        return EncodeSettings.defaults().withFormat(f).withQuality(new Quality.Fixed(q));
    }

    private Path transparent() throws Exception {
        Path p = dir.resolve("logo.png");
        ImageTools.run(ImageTools.magick(), "-size", "96x64", "xc:none", "-fill", "#c04020", "-draw",
                "circle 48,32 48,8", "PNG32:" + p);
        return p;
    }

    @Test
    void alphaIsKeptInWebpAndAvif() throws Exception {
        for (OutputFormat f : new OutputFormat[]{OutputFormat.WEBP, OutputFormat.AVIF}) {
            EncodedImage out = pipeline.encode(transparent(), "logo.png", fixed(f, 80), Set.of());
            Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
            assertThat(d.bands()).as("bands of %s", f).isEqualTo(4);
            assertThat(d.pixels()[3] & 0xff).as("corner alpha").isLessThan(10);                 // transparent corner
            assertThat(d.pixels()[(32 * 96 + 48) * 4 + 3] & 0xff).as("centre alpha").isGreaterThan(245);
        }
    }

    @Test
    void autoNeverPicksJpegForTransparentImages() throws Exception {
        EncodedImage out = pipeline.encode(transparent(), "logo.png", EncodeSettings.defaults()
                .withQuality(new Quality.Fixed(80)), Set.of(ImageFormat.WEBP, ImageFormat.JPEG));
        assertThat(out.format()).isEqualTo(ImageFormat.WEBP);
    }

    @Test
    void jpegOnlyFlattensOntoWhiteAndSaysSo() throws Exception {
        EncodedImage out = pipeline.encode(transparent(), "logo.png", fixed(OutputFormat.AUTO, 90),
                Set.of(ImageFormat.JPEG));
        assertThat(out.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(out.notes()).anyMatch(n -> n.contains("transparent areas were filled with white"));
        Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
        assertThat(java.util.stream.IntStream.of(d.rgb(0, 0)).min().orElseThrow()).isGreaterThan(245);
    }

    @Test
    void fallsBackFromAvifToWebpWhenTheDestinationTakesNoAvif() throws Exception {
        EncodedImage out = pipeline.encode(Fixtures.photo(dir, 200, 150, 3), "p.png", fixed(OutputFormat.AVIF, 60),
                Set.of(ImageFormat.WEBP, ImageFormat.JPEG));
        assertThat(out.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(out.fileName()).isEqualTo("p.webp");
        assertThat(out.notes()).anyMatch(n -> n.contains("AVIF is not accepted by this destination: sent WebP"));
    }

    @Test
    void autoKeepsTheSmallestAcceptedFormat() throws Exception {
        EncodedImage out = pipeline.encode(Fixtures.photo(dir, 400, 300, 4), "p.png", fixed(OutputFormat.AUTO, 70),
                Set.of(ImageFormat.AVIF, ImageFormat.WEBP, ImageFormat.JPEG));
        for (OutputFormat f : new OutputFormat[]{OutputFormat.AVIF, OutputFormat.WEBP, OutputFormat.JPEG}) {
            EncodedImage one = pipeline.encode(Fixtures.photo(dir, 400, 300, 4), "p.png", fixed(f, 70), Set.of());
            assertThat(out.size()).isLessThanOrEqualTo(one.size());
        }
        assertThat(out.notes()).anyMatch(n -> n.startsWith("Smallest of"));
    }

    @Test
    void animatedGifBecomesAnimatedWebp() throws Exception {
        Path gif = dir.resolve("anim.gif");
        ImageTools.run(ImageTools.magick(), "-delay", "20", "-size", "60x40", "xc:red", "xc:green", "xc:blue",
                "-loop", "0", gif.toString());
        EncodedImage out = pipeline.encode(gif, "anim.gif", fixed(OutputFormat.AUTO, 80), Set.of());
        assertThat(out.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(Fixtures.decode(vips, out.bytes()).pages()).isEqualTo(3);
        assertThat(out.height()).isEqualTo(40);

        EncodedImage still = pipeline.encode(gif, "anim.gif", fixed(OutputFormat.AUTO, 80), Set.of(ImageFormat.JPEG));
        assertThat(still.notes()).anyMatch(n -> n.contains("first frame only"));
        assertThat(Fixtures.decode(vips, still.bytes()).height()).isEqualTo(40);
    }

    @Test
    void refusesADecompressionBombFromItsHeader() throws Exception {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, zeroPng(20_000, 20_000));   // 400 MP of zeros: 0.4 MB on disk, 1.2 GB decoded
        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        assertThatThrownBy(() -> pipeline.encode(bomb, "bomb.png", EncodeSettings.defaults(), Set.of()))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
                    assertThat(e.getMessage()).startsWith("bomb.png: refused: 20000 × 20000 is 400 megapixels")
                            .contains("limit of 200 megapixels");
                });
        VipsPipeline strict = new VipsPipeline(vips, new ImageLimits(1000));
        assertThatThrownBy(() -> strict.encode(Fixtures.photo(dir, 64, 64, 5), "x.png", EncodeSettings.defaults(),
                Set.of())).hasMessageContaining("refused");
    }

    /** A valid grey PNG of the given size whose pixels are all zero (compresses ~1000:1). */
    private static byte[] zeroPng(int w, int h) throws Exception {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            byte[] row = new byte[w + 1];
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[]{8, 0, 0, 0, 0});
        chunk(png, "IHDR", ihdr.toByteArray());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void truncatedJpegIsAClearError() throws Exception {
        Path full = dir.resolve("full.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 400, 300, 6).toString(), "-quality", "90",
                full.toString());
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("photo.jpg");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 6 / 10));
        assertThatThrownBy(() -> pipeline.encode(cut, "photo.jpg", fixed(OutputFormat.WEBP, 80), Set.of()))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
                    assertThat(e.getMessage()).startsWith("photo.jpg: the file is truncated or corrupt");
                });
    }

    @Test
    void garbageIsNotAnImage() throws Exception {
        Path fake = dir.resolve("notes.jpg");
        Files.writeString(fake, "this is a shopping list, not a photo");
        assertThatThrownBy(() -> pipeline.encode(fake, "notes.jpg", EncodeSettings.defaults(), Set.of()))
                .hasMessageStartingWith("notes.jpg: this is not an image Lumasync can read");
        Path broken = dir.resolve("broken.jpg");
        byte[] junk = new byte[5000];
        new java.util.Random(1).nextBytes(junk);
        junk[0] = (byte) 0xFF;
        junk[1] = (byte) 0xD8;
        junk[2] = (byte) 0xFF;
        Files.write(broken, junk);
        assertThatThrownBy(() -> pipeline.encode(broken, "broken.jpg", EncodeSettings.defaults(), Set.of()))
                .isInstanceOfSatisfying(LumasyncException.class, e -> assertThat(e.getMessage())
                        .startsWith("broken.jpg: ").contains("libvips:"));
    }

    @Test
    void iphoneStyleHeicIsDecodedByTheSystemLibheif() throws Exception {
        Path jpg = dir.resolve("q.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.quadrants(dir, 160, 96).toString(), "-quality", "95",
                jpg.toString());
        Path heic = dir.resolve("IMG_0001.HEIC");
        ImageTools.run(ImageTools.tool("heif-enc", "libheif-examples"), "-q", "90", jpg.toString(), "-o",
                heic.toString());
        assertThat(FormatSniffer.sniff(Files.readAllBytes(heic))).contains(ImageFormat.HEIF);
        EncodedImage out = pipeline.encode(heic, "IMG_0001.HEIC", fixed(OutputFormat.WEBP, 90), Set.of());
        assertThat(out.notes()).contains("HEIC (HEVC) decoded with the system's libheif.");
        assertThat(out.fileName()).isEqualTo("IMG_0001.webp");
        Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
        assertThat(d.width()).isEqualTo(160);
        assertThat(d.rgb(20, 20)[0]).isGreaterThan(200);   // red stays top-left
        assertThat(d.rgb(140, 80)[2]).isGreaterThan(200);  // white bottom-right
    }

    @Test
    void neverBiggerKeepsAnOptimalOriginalWithoutItsLocation() throws Exception {
        Path small = dir.resolve("small.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 300, 200, 8).toString(), "-quality", "40",
                small.toString());
        ImageTools.run(ImageTools.exiftool(), "-q", "-overwrite_original", "-GPSLatitude=10", "-GPSLatitudeRef=N",
                small.toString());
        EncodedImage out = pipeline.encode(small, "small.jpg", fixed(OutputFormat.JPEG, 95), Set.of());
        assertThat(out.size()).isLessThanOrEqualTo(Files.size(small));
        assertThat(out.notes()).anyMatch(n -> n.startsWith("Already optimal"));
        Path written = dir.resolve("written.jpg");
        Files.write(written, out.bytes());
        assertThat(ImageTools.tags(written)).doesNotContain("GPS");

        EncodedImage kept = pipeline.encode(small, "small.jpg",
                fixed(OutputFormat.JPEG, 95).withMetadata(MetadataPolicy.KEEP_ALL), Set.of());
        assertThat(kept.bytes()).isEqualTo(Files.readAllBytes(small));
    }

    @Test
    void everyOutputIsSmallerThanAPhotoInput() throws Exception {
        Path jpg = dir.resolve("camera.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 800, 600, 9).toString(), "-quality", "92",
                jpg.toString());
        for (OutputFormat f : new OutputFormat[]{OutputFormat.AUTO, OutputFormat.AVIF, OutputFormat.WEBP,
                OutputFormat.JPEG}) {
            EncodedImage out = pipeline.encode(jpg, "camera.jpg", EncodeSettings.defaults().withFormat(f), Set.of());
            assertThat(out.size()).as("%s", f).isLessThanOrEqualTo(Files.size(jpg));
            assertThat(out.inputBytes()).isEqualTo(Files.size(jpg));
        }
    }
}
