package dev.aivoicebot.metrics;

import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code call_cost_usd}: a Prometheus histogram with fractional bucket bounds (a cent to ten dollars), kept here
 * rather than by the Prometheus client's {@code Histogram}. That one adds through {@code DoubleAdder}, whose
 * {@code Striped64} holds a {@code Random} the native image refuses to build into its heap; and Micrometer's
 * distribution summary rounds each value up to a whole number before picking a bucket. One observation per ended
 * call, so a lock costs nothing.
 */
final class CostHistogram extends Collector {

    private static final String NAME = "call_cost_usd";

    private final double[] bounds;
    private final String help;
    /** Observations per bucket, not cumulative; the last is above every bound (+Inf). */
    private final long[] counts;
    private double sum;

    CostHistogram(double[] bounds, String help) {
        this.bounds = bounds.clone();
        this.help = help;
        this.counts = new long[bounds.length + 1];
    }

    synchronized void observe(double value) {
        int bucket = 0;
        while (bucket < bounds.length && value > bounds[bucket]) {
            bucket++;
        }
        counts[bucket]++;
        sum += value;
    }

    @Override
    public synchronized List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(counts.length + 2);
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            String le = i < bounds.length ? doubleToGoString(bounds[i]) : "+Inf";
            samples.add(new MetricFamilySamples.Sample(NAME + "_bucket", List.of("le"), List.of(le), cumulative));
        }
        samples.add(new MetricFamilySamples.Sample(NAME + "_count", List.of(), List.of(), cumulative));
        samples.add(new MetricFamilySamples.Sample(NAME + "_sum", List.of(), List.of(), sum));
        return List.of(new MetricFamilySamples(NAME, Type.HISTOGRAM, help, samples));
    }
}
