package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captions, keywords and credits that a photographer's file holds only in its IPTC-IIM section reach every output
 * format (as XMP where the container has no IIM), through the real pipeline, read back with exiftool.
 */
class IptcCarryTest extends PipelineTestBase {
    static final String CAPTION = "Fischerboote im Hafen — café, Müller & <Söhne>, 日本の港";
    static final String COPYRIGHT = "© 2026 Ada Müller";

    /** Writes tags with exiftool through an argument file, so non-ASCII text does not depend on the JVM's locale. */
    static void exif(Path dir, Path file, String... args) throws Exception {
        List<String> lines = new ArrayList<>(List.of("-q", "-overwrite_original"));
        lines.addAll(List.of(args));
        lines.add(file.toString());
        Path argFile = Files.createTempFile(dir, "exiftool", ".args");
        Files.writeString(argFile, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        ImageTools.run(ImageTools.exiftool(), "-@", argFile.toString());
    }

    /**
     * One tag's value(s) as exiftool prints them ("" when absent); list items joined with "|", and a property
     * written twice comes out as two lines.
     */
    static String tag(Path file, String tag) throws Exception {
        return ImageTools.run(ImageTools.exiftool(), "-q", "-q", "-a", "-s3", "-sep", "|", "-" + tag,
                file.toString()).strip();
    }

    /** A JPEG whose captions live only in IPTC-IIM (UTF-8 declared), with GPS, a body serial and a city. */
    private Path iimOnlyJpeg() throws Exception {
        Path jpg = dir.resolve("iim.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 320, 240, 11).toString(), "-quality", "95",
                jpg.toString());
        exif(dir, jpg, "-IPTC:CodedCharacterSet=UTF8", "-IPTC:ObjectName=Hafen früh", "-IPTC:Caption-Abstract="
                        + CAPTION, "-IPTC:Keywords=harbour", "-IPTC:Keywords=Zürich", "-IPTC:Keywords=日本",
                "-IPTC:By-line=Ada Müller", "-IPTC:CopyrightNotice=" + COPYRIGHT, "-IPTC:Credit=Ada Müller Photo",
                "-IPTC:Source=Agence Été", "-IPTC:Headline=Boats at dawn", "-IPTC:City=Kyōto",
                "-GPSLatitude=35.0116", "-GPSLatitudeRef=N", "-GPSLongitude=135.7681", "-GPSLongitudeRef=E",
                "-SerialNumber=CAM123456", "-LensSerialNumber=LENS98765");
        String before = ImageTools.tags(jpg);
        assertThat(before).contains("[IPTC]", "GPSLatitude", "CAM123456").doesNotContain("[XMP");
        return jpg;
    }

    private Path encode(Path in, OutputFormat f, MetadataPolicy policy) throws Exception {
        EncodedImage out = pipeline.encode(in, in.getFileName().toString(), EncodeSettings.defaults().withFormat(f)
                .withMetadata(policy).withQuality(new Quality.Fixed(60)).withMaxSize(200), Set.of());
        assertThat(out.format().name()).isEqualTo(f.name());
        Path p = dir.resolve("out-" + policy + "." + out.format().extension());
        Files.write(p, out.bytes());
        return p;
    }

    @ParameterizedTest(name = "web-safe {0}")
    @EnumSource(value = OutputFormat.class, names = {"JPEG", "WEBP", "AVIF"})
    void webSafeCarriesIimCaptionsIntoXmp(OutputFormat f) throws Exception {
        Path out = encode(iimOnlyJpeg(), f, MetadataPolicy.WEB_SAFE);
        assertThat(tag(out, "XMP-dc:Title")).isEqualTo("Hafen früh");
        assertThat(tag(out, "XMP-dc:Description")).isEqualTo(CAPTION);
        assertThat(tag(out, "XMP-dc:Subject")).isEqualTo("harbour|Zürich|日本");
        assertThat(tag(out, "XMP-dc:Creator")).isEqualTo("Ada Müller");
        assertThat(tag(out, "XMP-dc:Rights")).isEqualTo(COPYRIGHT);
        assertThat(tag(out, "XMP-photoshop:Credit")).isEqualTo("Ada Müller Photo");
        assertThat(tag(out, "XMP-photoshop:Source")).isEqualTo("Agence Été");
        assertThat(tag(out, "XMP-photoshop:Headline")).isEqualTo("Boats at dawn");
        String all = ImageTools.tags(out);
        assertThat(all).doesNotContain("GPS", "CAM123456", "LENS98765", "SerialNumber");
        assertThat(tag(out, "XMP-photoshop:City")).isEmpty();   // place names are not carried under web-safe
        if (f == OutputFormat.JPEG) {   // the IIM block itself stays in JPEG, in step with the XMP
            assertThat(tag(out, "IPTC:Caption-Abstract")).isEqualTo(CAPTION);
        }
    }

    @Test
    void latin1IimWithoutACharsetDeclarationIsReadAsLatin1() throws Exception {
        Path jpg = dir.resolve("latin.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 160, 120, 12).toString(), jpg.toString());
        // Without CodedCharacterSet exiftool writes IIM in Latin-1, as older cameras and software did.
        exif(dir, jpg, "-IPTC:Caption-Abstract=Café über Zürich", "-IPTC:By-line=Zoë Brontë");
        assertThat(tag(jpg, "IPTC:CodedCharacterSet")).isEmpty();
        Path out = encode(jpg, OutputFormat.WEBP, MetadataPolicy.WEB_SAFE);
        assertThat(tag(out, "XMP-dc:Description")).isEqualTo("Café über Zürich");
        assertThat(tag(out, "XMP-dc:Creator")).isEqualTo("Zoë Brontë");
    }

    @Test
    void iimOfATiffReachesWebpAndAvif() throws Exception {
        Path tif = dir.resolve("scan.tif");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 160, 120, 14).toString(), tif.toString());
        exif(dir, tif, "-IPTC:CodedCharacterSet=UTF8", "-IPTC:Caption-Abstract=" + CAPTION, "-IPTC:Keywords=日本",
                "-IPTC:By-line=Ada Müller");
        assertThat(ImageTools.tags(tif)).contains("[IPTC]").doesNotContain("[XMP");
        for (OutputFormat f : new OutputFormat[]{OutputFormat.WEBP, OutputFormat.AVIF}) {
            Path out = encode(tif, f, MetadataPolicy.WEB_SAFE);
            assertThat(tag(out, "XMP-dc:Description")).as("%s", f).isEqualTo(CAPTION);
            assertThat(tag(out, "XMP-dc:Subject")).as("%s", f).isEqualTo("日本");
            assertThat(tag(out, "XMP-dc:Creator")).as("%s", f).isEqualTo("Ada Müller");
        }
    }

    @ParameterizedTest(name = "XMP wins {0}")
    @EnumSource(value = OutputFormat.class, names = {"JPEG", "WEBP", "AVIF"})
    void existingXmpWinsOverIimAndNothingIsDuplicated(OutputFormat f) throws Exception {
        Path jpg = dir.resolve("both.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.photo(dir, 160, 120, 13).toString(), jpg.toString());
        exif(dir, jpg, "-IPTC:CodedCharacterSet=UTF8", "-IPTC:Caption-Abstract=old IIM caption",
                "-IPTC:Keywords=iim-one", "-IPTC:Keywords=iim-two", "-IPTC:Credit=IIM credit",
                "-XMP-dc:Description=XMP caption", "-XMP-dc:Subject=xmp-kw");
        Path out = encode(jpg, f, MetadataPolicy.WEB_SAFE);
        assertThat(tag(out, "XMP-dc:Description")).isEqualTo("XMP caption");
        assertThat(tag(out, "XMP-dc:Subject")).isEqualTo("xmp-kw");
        assertThat(tag(out, "XMP-photoshop:Credit")).isEqualTo("IIM credit");   // a gap filled from IIM
    }

    @ParameterizedTest(name = "keep-all {0}")
    @EnumSource(value = OutputFormat.class, names = {"WEBP", "AVIF"})
    void keepAllCarriesEveryMappedIimFieldIntoXmp(OutputFormat f) throws Exception {
        Path out = encode(iimOnlyJpeg(), f, MetadataPolicy.KEEP_ALL);
        assertThat(tag(out, "XMP-dc:Description")).isEqualTo(CAPTION);
        assertThat(tag(out, "XMP-dc:Subject")).isEqualTo("harbour|Zürich|日本");
        assertThat(tag(out, "XMP-photoshop:City")).isEqualTo("Kyōto");
        assertThat(ImageTools.tags(out)).contains("GPSLatitude", "CAM123456");
    }

    @ParameterizedTest(name = "strip-all {0}")
    @EnumSource(value = OutputFormat.class, names = {"JPEG", "WEBP", "AVIF"})
    void stripAllWritesNoneOfIt(OutputFormat f) throws Exception {
        String all = ImageTools.tags(encode(iimOnlyJpeg(), f, MetadataPolicy.STRIP_ALL));
        assertThat(all).doesNotContain("[IPTC]", "[XMP", "Müller", "harbour", "GPS", "CAM123456", "Hafen");
    }
}
