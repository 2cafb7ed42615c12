package dev.aivoicebot.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the service's memory every few seconds over the window: RSS from /proc (any build) and heap used
 * from /q/metrics on the management interface when the build reports it (a native binary may not: then heap is
 * NaN). A soak shows growth, or its absence, as the slope of a least-squares line through the samples.
 */
final class ServiceSampler implements AutoCloseable {

    /** One sample: seconds since the window opened, RSS and heap in MB. */
    record Sample(double atS, double rssMb, double heapMb) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "service-sampler");
        t.setDaemon(true);
        return t;
    });
    private final long startNanos = System.nanoTime();

    ServiceSampler(HttpClient http, String management, long pid, long everySeconds) {
        timer.scheduleAtFixedRate(() -> sample(http, management, pid), 0, everySeconds, TimeUnit.SECONDS);
    }

    static double heapMb(MetricsScrape scrape) {
        return scrape.has("jvm_memory_used_bytes", "area=\"heap\"")
                ? scrape.value("jvm_memory_used_bytes", "area=\"heap\"") / (1024.0 * 1024) : Double.NaN;
    }

    private void sample(HttpClient http, String management, long pid) {
        try {
            double rss = ProcStats.of(pid).rssKb() / 1024.0;
            double heap = heapMb(MetricsScrape.fetch(http, management));
            synchronized (samples) {
                samples.add(new Sample((System.nanoTime() - startNanos) / 1e9, rss, heap));
            }
        } catch (RuntimeException e) {
            // the service is gone or busy: a missing sample, not a failed benchmark
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** MB per minute of a least-squares line through the samples' {@code rss} (or heap) values. */
    static double slopePerMinute(List<Sample> samples, boolean heap) {
        List<Sample> usable = samples.stream().filter(s -> !Double.isNaN(heap ? s.heapMb() : s.rssMb())).toList();
        int n = usable.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mx = usable.stream().mapToDouble(Sample::atS).average().orElse(0);
        double my = usable.stream().mapToDouble(s -> heap ? s.heapMb() : s.rssMb()).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Sample s : usable) {
            sxy += (s.atS() - mx) * ((heap ? s.heapMb() : s.rssMb()) - my);
            sxx += (s.atS() - mx) * (s.atS() - mx);
        }
        return sxx == 0 ? Double.NaN : 60 * sxy / sxx;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
