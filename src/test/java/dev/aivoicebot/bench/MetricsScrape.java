package dev.aivoicebot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of the service's {@code /q/metrics} (Prometheus text), on its management interface. Benchmarks look
 * at differences between two scrapes, so counters and histograms describe only the measured window, not warm-up.
 */
final class MetricsScrape {

    /** The service's MANAGEMENT_PORT when nothing sets it: where metrics are if a caller names only the service. */
    private static final int DEFAULT_MANAGEMENT_PORT = 9000;

    private final Map<String, Double> samples;

    private MetricsScrape(Map<String, Double> samples) {
        this.samples = samples;
    }

    /**
     * {@code management}: the management interface's origin, e.g. {@code http://127.0.0.1:9000}; empty for a
     * target without metrics (the Node sample), which reads as a scrape with no series.
     */
    static MetricsScrape fetch(HttpClient http, String management) {
        if (management.isEmpty()) {
            return new MetricsScrape(Map.of());
        }
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return parse(body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot scrape " + management + "/q/metrics", e);
        }
    }

    /** The management origin of the service at {@code local} when it runs with the default MANAGEMENT_PORT. */
    static String defaultManagement(String local) {
        URI uri = URI.create(local);
        return uri.getScheme() + "://" + uri.getHost() + ":" + DEFAULT_MANAGEMENT_PORT;
    }

    /** Keeps each sample line as {@code name{labels}} → value; label order is as the registry writes it. */
    static MetricsScrape parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            int keyEnd = brace >= 0 && brace < space ? line.indexOf('}') + 1 : space;
            String value = line.substring(keyEnd).trim().split(" ")[0]; // a timestamp may follow
            try {
                samples.put(line.substring(0, keyEnd), Double.parseDouble(value));
            } catch (NumberFormatException e) {
                // +Inf/-Inf gauges (none of ours): not needed for any figure the benchmark reports
            }
        }
        return new MetricsScrape(samples);
    }

    /** Sum of every series of {@code name} whose labels contain {@code labelFilter} (e.g. {@code direction="inbound"}). */
    double value(String name, String labelFilter) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> labelFilter.isEmpty() || e.getKey().contains(labelFilter))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Whether any series of {@code name} matches {@code labelFilter} (a native build lacks some JVM metrics). */
    boolean has(String name, String labelFilter) {
        return samples.keySet().stream()
                .anyMatch(k -> (k.equals(name) || k.startsWith(name + "{")) && (labelFilter.isEmpty() || k.contains(labelFilter)));
    }

    /** Largest value among the series of {@code name} matching {@code labelFilter} (for _max gauges); NaN if none. */
    double max(String name, String labelFilter) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> labelFilter.isEmpty() || e.getKey().contains(labelFilter))
                .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
    }

    double delta(MetricsScrape earlier, String name, String labelFilter) {
        return value(name, labelFilter) - earlier.value(name, labelFilter);
    }

    /** Mean of timer {@code name} over the window since {@code earlier}, in milliseconds (its _sum over its _count). */
    double meanMs(MetricsScrape earlier, String name, String labelFilter) {
        double count = delta(earlier, name + "_count", labelFilter);
        return count == 0 ? Double.NaN : 1000 * delta(earlier, name + "_sum", labelFilter) / count;
    }

    /**
     * The {@code q} quantile of histogram {@code name} over the window since {@code earlier}, interpolated
     * linearly inside the bucket as Prometheus' histogram_quantile does; NaN when nothing was observed.
     */
    double quantile(MetricsScrape earlier, String name, String labelFilter, double q) {
        List<double[]> buckets = new ArrayList<>(); // {upper bound, cumulative count in the window}
        for (String key : samples.keySet()) {
            if (key.startsWith(name + "_bucket{") && (labelFilter.isEmpty() || key.contains(labelFilter))) {
                String le = key.substring(key.indexOf("le=\"") + 4, key.indexOf('"', key.indexOf("le=\"") + 4));
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.add(new double[] { bound, samples.get(key) - earlier.samples.getOrDefault(key, 0.0) });
            }
        }
        buckets.sort((a, b) -> Double.compare(a[0], b[0]));
        if (buckets.isEmpty() || buckets.get(buckets.size() - 1)[1] <= 0) {
            return Double.NaN;
        }
        double rank = q * buckets.get(buckets.size() - 1)[1];
        double lowerBound = 0;
        double lowerCount = 0;
        for (double[] bucket : buckets) {
            if (bucket[1] >= rank) {
                if (Double.isInfinite(bucket[0])) {
                    return lowerBound; // above the last finite bucket: all we can say is "at least this"
                }
                return lowerBound + (bucket[0] - lowerBound) * (rank - lowerCount) / Math.max(1e-9, bucket[1] - lowerCount);
            }
            lowerBound = bucket[0];
            lowerCount = bucket[1];
        }
        return lowerBound;
    }
}
