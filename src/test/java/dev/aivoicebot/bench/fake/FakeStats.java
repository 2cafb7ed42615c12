package dev.aivoicebot.bench.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.bench.tag.SequenceChecker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the fake saw, for {@code GET /stats}. Counters are totals since start (the benchmark subtracts two
 * reads); latency histograms are per interval: each read returns what was recorded since the previous read,
 * so a read at the window's start and one at its end give exactly the window.
 */
final class FakeStats {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Caller frame: fake's receive time minus the generator's send time (through the bridge), µs. */
    final Recorder forwardMicros = new Recorder(3);
    /** {@code response.create} received → first delta sent: the fake's own part of the greeting, µs. */
    final Recorder greetingMicros = new Recorder(3);
    /** Session accepted → its first {@code response.create} (the greeting request): the bridge's session setup, µs. */
    final Recorder setupMicros = new Recorder(3);
    /** Turn ended → first delta (or the function call) sent: the fake's own part of a response (think time + timer), µs. */
    final Recorder turnMicros = new Recorder(3);
    /** Function call sent → its {@code function_call_output} received: the bridge's whole tool round trip, µs. */
    final Recorder toolOutputMicros = new Recorder(3);
    /** Age of each function call still awaiting its output when its session closed, µs. */
    final Recorder abandonedAgeMicros = new Recorder(3);
    /** How late the fake's event loops ran a 1 ms timer: the fake's own share of any latency, µs. */
    final Recorder loopLagMicros = new Recorder(3);
    /** Per call index: its caller frames' numbering, shared by every session of the call. */
    final Map<Integer, SequenceChecker> inbound = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void count(String name) {
        counter(name).increment();
    }

    void count(String name, long n) {
        counter(name).add(n);
    }

    private LongAdder counter(String name) {
        return counters.computeIfAbsent(name, n -> new LongAdder());
    }

    static long micros(long nanos) {
        return Math.max(0, nanos / 1000);
    }

    synchronized String json() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Long> totals = new java.util.TreeMap<>();
        counters.forEach((name, adder) -> totals.put(name, adder.sum()));
        long lost = 0;
        long duplicated = 0;
        long reordered = 0;
        long received = 0;
        for (SequenceChecker check : inbound.values()) {
            synchronized (check) {
                lost += check.missing();
                duplicated += check.duplicated();
                reordered += check.reordered();
                received += check.received();
            }
        }
        totals.put("frames_received", received);
        totals.put("frames_lost", lost);
        totals.put("frames_duplicated", duplicated);
        totals.put("frames_reordered", reordered);
        out.put("counters", totals);
        out.put("forward_latency_us", summary(forwardMicros.getIntervalHistogram()));
        out.put("greeting_fake_us", summary(greetingMicros.getIntervalHistogram()));
        out.put("setup_us", summary(setupMicros.getIntervalHistogram()));
        out.put("turn_fake_us", summary(turnMicros.getIntervalHistogram()));
        out.put("loop_lag_us", summary(loopLagMicros.getIntervalHistogram()));
        out.put("tool_output_us", summary(toolOutputMicros.getIntervalHistogram()));
        out.put("abandoned_age_us", summary(abandonedAgeMicros.getIntervalHistogram()));
        try {
            return JSON.writeValueAsString(out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> summary(Histogram h) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", h.getTotalCount());
        s.put("p50", h.getValueAtPercentile(50));
        s.put("p99", h.getValueAtPercentile(99));
        s.put("p999", h.getValueAtPercentile(99.9));
        s.put("max", h.getMaxValue());
        return s;
    }
}
