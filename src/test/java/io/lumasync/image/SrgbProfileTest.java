package io.lumasync.image;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Which embedded profiles the pipeline may treat as sRGB without a colour transform. */
class SrgbProfileTest extends PipelineTestBase {
    private static final Path SYSTEM_SRGB = Path.of("/usr/share/color/icc/sRGB.icc");
    private static final Path ADOBE = Path.of("/usr/share/color/icc/compatibleWithAdobeRGB1998.icc");

    @Test
    void sRgbProfilesAreRecognised() throws Exception {
        assertThat(SrgbProfile.is(vips.profile("srgb"))).as("libvips' sRGB").isTrue();
        assertThat(SrgbProfile.is(Files.readAllBytes(SYSTEM_SRGB))).as("icc-profiles-free sRGB").isTrue();
    }

    @Test
    void otherColourSpacesAreNot() throws Exception {
        assertThat(SrgbProfile.is(vips.profile("p3"))).as("Display P3: sRGB's curves, wider primaries").isFalse();
        assertThat(SrgbProfile.is(Files.readAllBytes(ADOBE))).as("Adobe RGB").isFalse();
        assertThat(SrgbProfile.is(vips.profile("cmyk"))).as("CMYK").isFalse();
    }

    @Test
    void aChangedCurveOrDamagedProfileIsNotTrusted() throws Exception {
        byte[] srgb = Files.readAllBytes(SYSTEM_SRGB);
        assertThat(SrgbProfile.is(Arrays.copyOf(srgb, 200))).isFalse();
        assertThat(SrgbProfile.is(new byte[0])).isFalse();
        byte[] gamma = srgb.clone();
        int trc = indexOf(gamma, "curv");
        assertThat(trc).isPositive();
        // Turn the green curve's midpoint up: still a readable profile, but no longer sRGB's tone curve.
        int n = ((gamma[trc + 8] & 0xff) << 24) | ((gamma[trc + 9] & 0xff) << 16) | ((gamma[trc + 10] & 0xff) << 8)
                | (gamma[trc + 11] & 0xff);
        int mid = trc + 12 + 2 * (n / 2);
        gamma[mid] = (byte) Math.min(255, (gamma[mid] & 0xff) + 20);
        assertThat(SrgbProfile.is(gamma)).isFalse();
    }

    private static int indexOf(byte[] data, String text) {
        outer:
        for (int i = 0; i + 4 <= data.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (data[i + j] != text.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
