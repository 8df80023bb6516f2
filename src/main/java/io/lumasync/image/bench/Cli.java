package io.lumasync.image.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one command-line tool under GNU time, one libvips thread, and reports its wall time and peak RSS. */
final class Cli {
    /** Wall-clock milliseconds and the peak resident set in KiB. */
    record Run(double millis, long peakKib) {
    }

    private Cli() {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Path times = Files.createTempFile("bench", ".time");
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", times.toString()));
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("VIPS_CONCURRENCY", "1");
            long t0 = System.nanoTime();
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (rc != 0) {
                throw new IOException("failed (" + rc + "): " + command + "\n" + out);
            }
            String text = Files.readString(times).strip();
            long kib = Long.parseLong(text.substring(text.lastIndexOf('\n') + 1).strip());
            return new Run(ms, kib);
        } finally {
            Files.deleteIfExists(times);
        }
    }

    /** The peak resident set of this JVM since the last {@link #resetPeak()}, in KiB (Linux). */
    static long ownPeakKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /**
     * CPU seconds used so far by this JVM and by the children it has waited for (the tools run under GNU time,
     * which waits for them), from /proc/self/stat: utime, stime, cutime, cstime in clock ticks (100 per second).
     */
    static double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command name: state is field 3, so utime (14) … cstime (17) are at 11 … 14 here.
        long ticks = 0;
        for (int i = 11; i <= 14; i++) {
            ticks += Long.parseLong(f[i]);
        }
        return ticks / 100.0;
    }

    /** Resets this process's peak RSS counter (Linux: writing 5 to clear_refs). */
    static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            // Not Linux or not allowed: the peak then covers the whole run, which the report says.
        }
    }
}
