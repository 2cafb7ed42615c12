package dev.aivoicebot.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, as a table for people and one JSON line for scripts. */
final class BenchReport {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    static BenchReport of(int calls, double idleCores, PlacedCalls placed, Window.Result window, MetricsScrape before,
            MetricsScrape after) {
        BenchReport report = new BenchReport();
        MetricsScrape start = window.start().metrics();
        MetricsScrape end = window.metrics();
        String in = "direction=\"inbound\"";
        String out = "direction=\"outbound\"";
        report.put("calls", calls);
        report.put("calls_up_in_window", window.start().liveCalls());
        report.put("calls_up_at_window_end", window.liveCallsAtEnd());
        report.put("dial_failures", placed.failures.get());
        report.put("window_s", window.seconds());
        report.put("service_cpu_s", window.serviceCpuSeconds());
        report.put("cpu_s_per_call_minute", window.serviceCpuSeconds() / window.callMinutes());
        report.put("service_idle_cpu_cores", idleCores);
        // Per call-minute with the idle cost taken out: what one more call costs.
        report.put("cpu_s_per_call_minute_above_idle",
                (window.serviceCpuSeconds() - idleCores * window.seconds()) / window.callMinutes());
        report.put("service_rss_mb", window.service().rssKb() / 1024.0);
        report.put("service_peak_rss_mb", window.service().peakRssKb() / 1024.0);
        report.put("generator_cpu_s", window.generatorCpuSeconds());
        report.put("generator_worst_frame_lateness_ms", window.worstPacingLatenessMs());
        report.put("handshake_p50_ms", PlacedCalls.percentileMs(placed.handshakeNanos, 0.50));
        report.put("handshake_p99_ms", PlacedCalls.percentileMs(placed.handshakeNanos, 0.99));
        report.put("handshake_max_ms", PlacedCalls.percentileMs(placed.handshakeNanos, 1.0));
        report.put("webhook_p50_ms", PlacedCalls.percentileMs(placed.webhookNanos, 0.50));
        report.put("webhook_p99_ms", PlacedCalls.percentileMs(placed.webhookNanos, 0.99));
        report.put("stream_open_p50_ms", PlacedCalls.percentileMs(placed.streamOpenNanos, 0.50));
        report.put("stream_open_p99_ms", PlacedCalls.percentileMs(placed.streamOpenNanos, 0.99));
        // The webhook as the service timed it, and waits for a worker thread (the webhook resource is blocking),
        // over the whole run: tells the service's share of a slow handshake from the generator's. The _max
        // gauges are Micrometer's recent maximum (a decaying window of about two minutes), not all-time.
        report.put("service_webhook_mean_ms", after.meanMs(before, "http_server_requests_seconds", "uri=\"/voice\""));
        report.put("service_webhook_max_ms", 1000 * after.max("http_server_requests_seconds_max", "uri=\"/voice\""));
        report.put("worker_queue_delay_mean_ms", after.meanMs(before, "worker_pool_queue_delay_seconds", ""));
        report.put("worker_queue_delay_max_ms", 1000 * after.max("worker_pool_queue_delay_seconds_max", ""));
        for (String direction : new String[] { "inbound", "outbound" }) {
            String label = "direction=\"" + direction + "\"";
            report.put("overhead_" + direction + "_p50_ms", 1000 * end.quantile(start, "bridge_overhead_seconds", label, 0.50));
            report.put("overhead_" + direction + "_p99_ms", 1000 * end.quantile(start, "bridge_overhead_seconds", label, 0.99));
            report.put("overhead_" + direction + "_samples", end.delta(start, "bridge_overhead_seconds_count", label));
        }
        report.put("response_latency_p50_ms", 1000 * end.quantile(start, "calls_response_latency_seconds", "", 0.50));
        report.put("response_latency_p99_ms", 1000 * end.quantile(start, "calls_response_latency_seconds", "", 0.99));
        report.put("responses", end.delta(start, "calls_response_latency_seconds_count", ""));
        report.put("barge_ins", end.delta(start, "calls_barge_ins_total", ""));
        // Loss over the whole run: every frame the callers sent against every frame the service relayed.
        long framesSent = placed.sentBytes() / 160;
        double framesRelayed = after.delta(before, "bridge_frames_total", in);
        report.put("inbound_frames_sent", framesSent);
        report.put("inbound_frames_relayed", framesRelayed);
        report.put("inbound_frames_lost", framesSent - framesRelayed);
        report.put("outbound_frames_relayed", after.delta(before, "bridge_frames_total", out));
        report.put("calls_ended_not_by_caller", after.delta(before, "calls_ended_total", "")
                - after.delta(before, "calls_ended_total", "reason=\"caller-hung-up\""));
        report.put("protocol_problems", placed.placed.stream().mapToLong(c -> c.problems().size()).sum());
        report.put("first_dial_failure", placed.firstFailure == null ? "" : placed.firstFailure);
        return report;
    }

    void put(String name, Object value) {
        figures.put(name, value);
    }

    Object get(String name) {
        return figures.get(name);
    }

    void print() {
        System.out.println();
        figures.forEach((name, value) -> System.out.printf(Locale.ROOT, "%-36s %s%n", name, format(value)));
        StringBuilder json = new StringBuilder("{");
        figures.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value instanceof String s ? quote(s) : jsonNumber(value)));
        System.out.println("BENCH_JSON " + json.append('}'));
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
    }

    private static String jsonNumber(Object value) {
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.5f", d);
        }
        return String.valueOf(value);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
