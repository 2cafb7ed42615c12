package dev.aivoicebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one table {@code bench/compare.sh} prints: each figure of the service and of Twilio's Node sample, per
 * round and as the median across rounds, and the ratio service/sample of the medians (below 1: the service
 * is better, for every row here). Reads the runs of one comparison from a results {@code .jsonl} file.
 *
 * <pre>java -cp … dev.aivoicebot.bench.CompareTable bench/results/DATE.jsonl COMPARE_ID</pre>
 */
public final class CompareTable {

    /** One row: a label and the JSON fields summed into it (several when a row adds both directions). */
    record Row(String label, String... fields) {
    }

    static final List<Row> ROWS = List.of(
            new Row("CPU-s per call-minute, ramp included", "cpu_s_per_call_minute_with_ramp"),
            new Row("CPU-s per call-minute, steady window", "cpu_s_per_call_minute"),
            new Row("added latency p50, caller → OpenAI (ms)", "fwd_latency_p50_ms"),
            new Row("added latency p99, caller → OpenAI (ms)", "fwd_latency_p99_ms"),
            new Row("added latency p50, OpenAI → caller (ms)", "ret_latency_p50_ms"),
            new Row("added latency p99, OpenAI → caller (ms)", "ret_latency_p99_ms"),
            new Row("`clear` after barge-in p99 (ms)", "clear_latency_p99_ms"),
            new Row("response latency p50 (ms)", "response_latency_p50_ms"),
            new Row("response latency p99 (ms)", "response_latency_p99_ms"),
            new Row("greeting p50, calls placed one by one at steady state (ms)", "steady_greeting_latency_p50_ms"),
            new Row("webhook p99 while the calls dial in (ms)", "webhook_p99_ms"),
            new Row("RSS peak (MB)", "service_rss_peak_mb"),
            new Row("frames lost, both ways", "fwd_frames_lost", "ret_frames_lost"),
            new Row("frames duplicated, both ways", "fwd_frames_duplicated", "ret_frames_duplicated"),
            new Row("frames reordered, both ways", "fwd_frames_reordered", "ret_frames_reordered"),
            new Row("answer frames after their `clear`", "ret_frames_after_clear"),
            new Row("caller frames never delivered, whole run", "fwd_whole_run_undelivered"),
            new Row("truncates sent", "truncates", "truncate_errors"),
            new Row("invalid truncates", "truncate_errors"),
            new Row("barge-ins (fake's speech_started during an answer)", "barge_ins"),
            new Row("calls up at the window's start", "calls_up_at_window_start"),
            new Row("dial failures + calls dropped", "dial_failures", "calls_dropped"),
            new Row("generator pacing lateness p99 (ms)", "generator_pacing_lateness_p99_ms"),
            new Row("fake loop lag p99 (ms)", "fake_loop_lag_p99_ms"));

    private CompareTable() {
    }

    public static void main(String[] args) throws Exception {
        List<JsonNode> runs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            JsonNode run = line.isBlank() ? null : json.readTree(line);
            if (run != null && args[1].equals(run.path("compare_id").asText())) {
                runs.add(run);
            }
        }
        List<JsonNode> service = runs.stream().filter(r -> "service".equals(r.path("target").asText())).toList();
        List<JsonNode> sample = runs.stream().filter(r -> "sample".equals(r.path("target").asText())).toList();
        if (service.isEmpty() || sample.isEmpty()) {
            throw new IllegalStateException("no service and sample runs with compare_id " + args[1] + " in " + args[0]);
        }
        System.out.print(table(service, sample));
    }

    static String table(List<JsonNode> service, List<JsonNode> sample) {
        StringBuilder out = new StringBuilder();
        out.append("| figure |");
        header(out, "service", service.size());
        header(out, "sample", sample.size());
        out.append(" service/sample |\n|---|");
        out.append("---|".repeat(service.size() + sample.size() + 3)).append('\n');
        for (Row row : ROWS) {
            double[] a = values(service, row);
            double[] b = values(sample, row);
            out.append("| ").append(row.label()).append(" |");
            cells(out, a);
            cells(out, b);
            out.append(' ').append(ratio(median(a), median(b))).append(" |\n");
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String name, int rounds) {
        for (int i = 1; i <= rounds; i++) {
            out.append(' ').append(name).append(" r").append(i).append(" |");
        }
        out.append(' ').append(name).append(" median |");
    }

    private static void cells(StringBuilder out, double[] values) {
        for (double v : values) {
            out.append(' ').append(format(v)).append(" |");
        }
        out.append(" **").append(format(median(values))).append("** |");
    }

    /** The row's value in each run; NaN where a run lacks a field (e.g. response latency with no answer). */
    static double[] values(List<JsonNode> runs, Row row) {
        return runs.stream().mapToDouble(run -> Arrays.stream(row.fields())
                .mapToDouble(f -> run.path(f).isNumber() ? run.path(f).asDouble() : Double.NaN).sum()).toArray();
    }

    /** Median of the values that are numbers; NaN when none is. */
    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** service ÷ sample; "=" when both are 0, "—" when the sample's is 0 or either is missing. */
    static String ratio(double service, double sample) {
        if (service == 0 && sample == 0) {
            return "=";
        }
        if (Double.isNaN(service) || Double.isNaN(sample) || sample == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", service / sample);
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String pattern = a == Math.rint(a) && a < 1e6 ? "%.0f" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
