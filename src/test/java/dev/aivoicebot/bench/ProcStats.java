package dev.aivoicebot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of a process, read from Linux's /proc, so the service is measured from outside
 * whatever it runs on (JVM or native binary) and the generator can measure itself the same way.
 */
record ProcStats(double cpuSeconds, long rssKb, long peakRssKb) {

    /** Kernel clock ticks per second for utime/stime; 100 on every Linux we run on ({@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = 100.0;

    static ProcStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kb(line);
                }
            }
            return new ProcStats(ticks / TICKS_PER_SECOND, rss, peak);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc for pid " + pid + " (is it running, on Linux?)", e);
        }
    }

    static ProcStats self() {
        return of(ProcessHandle.current().pid());
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
