package io.lumasync.image.metric;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vector loops against the scalar ones they replace: the same planes bit for bit, so a score does not depend on
 * whether the JVM was started with the vector module. The build starts the tests with it (as the launchers start the
 * app), so {@link LaneSupport#AVAILABLE} is asserted rather than assumed; the blur's lanes are checked against the
 * plain filter by {@code RecursiveGaussianTest}, which runs with the module too.
 */
class LanesTest {

    @Test
    void theTestsRunWithTheVectorModuleAsTheAppDoes() {
        assertThat(LaneSupport.AVAILABLE).as("started with --add-modules jdk.incubator.vector").isTrue();
    }

    @Test
    void colourConversionIsTheScalarOnesBitForBit() {
        Random random = new Random(7);
        // Not a multiple of any vector length: the scalar tail is covered too.
        int n = 4099;
        float[][] linear = new float[3][n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                // Linear light 0..1, with exact black and white among them.
                linear[c][i] = i % 97 == 0 ? 0f : i % 89 == 0 ? 1f : random.nextFloat();
            }
        }
        float[][] scalar = Xyb.intoScalar(linear, new float[3][n], n);
        float[][] vector = new float[3][n];
        Lanes.xyb(linear, vector, n);
        for (int c = 0; c < 3; c++) {
            assertThat(vector[c]).as("channel " + c).containsExactly(scalar[c]);
        }
    }

    @Test
    void colourConversionInPlaceIsTheSame() {
        Random random = new Random(11);
        int n = 1000;
        float[][] linear = new float[3][n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                linear[c][i] = random.nextFloat();
            }
        }
        float[][] expected = Xyb.intoScalar(linear, new float[3][n], n);
        Lanes.xyb(linear, linear, n);
        for (int c = 0; c < 3; c++) {
            assertThat(linear[c]).containsExactly(expected[c]);
        }
    }

    @Test
    void scoresAreTheSameWithAndWithoutTheVectorLoops() throws Exception {
        int w = 701;   // wider than a chunk of error terms (Lanes.TERMS), and not a multiple of the lanes
        int h = 150;
        byte[] original = new byte[w * h * 3];
        byte[] distorted = new byte[original.length];
        Random random = new Random(5);
        for (int i = 0; i < original.length; i++) {
            int v = 128 + (int) (90 * Math.sin(i * 0.013)) + random.nextInt(10);
            original[i] = (byte) v;
            distorted[i] = (byte) Math.clamp(v + random.nextInt(9) - 4, 0, 255);
        }
        double vector = Ssimulacra2.score(original, distorted, w, h, 3);
        double scalar = inScalarJvm(original, distorted, w, h);
        assertThat(vector).isEqualTo(scalar).isBetween(30.0, 99.0);
    }

    /** The same score computed by a JVM started without the vector module. */
    private static double inScalarJvm(byte[] original, byte[] distorted, int w, int h) throws Exception {
        Path dir = Files.createTempDirectory("lanes");
        Files.write(dir.resolve("a"), original);
        Files.write(dir.resolve("b"), distorted);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Dlumasync.scalar=true", "-cp", System.getProperty("java.class.path"),
                ScoreFiles.class.getName(), dir.resolve("a").toString(), dir.resolve("b").toString(),
                Integer.toString(w), Integer.toString(h)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return Double.parseDouble(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    /** Prints the score of two raw RGB files (for {@link #inScalarJvm}). */
    public static final class ScoreFiles {
        public static void main(String[] args) throws Exception {
            byte[] a = Files.readAllBytes(Path.of(args[0]));
            byte[] b = Files.readAllBytes(Path.of(args[1]));
            if (LaneSupport.AVAILABLE) {
                throw new IllegalStateException("expected the scalar loops");
            }
            System.out.println(Ssimulacra2.score(a, b, Integer.parseInt(args[2]), Integer.parseInt(args[3]), 3));
        }
    }
}
