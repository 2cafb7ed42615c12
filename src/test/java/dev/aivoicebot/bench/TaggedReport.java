package dev.aivoicebot.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Turns one tagged run into {@link BenchReport} figures (a table and a {@code BENCH_JSON} line). Latencies are
 * in milliseconds; "fwd" is caller → service → fake, "ret" is fake → service → caller.
 */
final class TaggedReport {

    private final BenchReport report = new BenchReport();
    private final BenchOptions options;
    private double idleRssMb;

    TaggedReport(BenchOptions options) {
        this.options = options;
    }

    void run(double idleCores, ProcStats idle, double idleHeapMb, String loadStart, String loadEnd, Dialer dialer) {
        report.put("target", options.target());
        report.put("calls", options.calls());
        report.put("dial_failures", dialer.failures.get());
        report.put("load_avg_start", loadStart);
        report.put("load_avg_end", loadEnd);
        report.put("warmup_s", options.warmupS());
        report.put("think_ms", options.thinkMs());
        report.put("tool_ms", options.toolMs());
        report.put("service_idle_cpu_cores", idleCores);
        idleRssMb = idle.rssKb() / 1024.0;
        report.put("service_rss_idle_mb", idleRssMb);
        report.put("service_heap_idle_mb", idleHeapMb);
        nanos("webhook", dialer.webhookNanos);
        nanos("stream_open", dialer.streamOpenNanos);
        nanos("handshake", dialer.handshakeNanos);
        report.put("handshakes_ge_1s", dialer.handshakeNanos.stream().filter(n -> n >= 1_000_000_000L).count());
        report.put("first_dial_failure", dialer.firstFailure);
    }

    void window(WindowEnds open, WindowEnds close, List<ServiceSampler.Sample> samples) {
        double seconds = (close.nanos() - open.nanos()) / 1e9;
        int up = Math.min(open.liveCalls(), close.liveCalls());
        double callMinutes = up * seconds / 60;
        double serviceCpu = close.service().cpuSeconds() - open.service().cpuSeconds();
        double generatorCpu = close.generator().cpuSeconds() - open.generator().cpuSeconds();
        report.put("calls_up_at_window_start", open.liveCalls());
        report.put("calls_up_at_window_end", close.liveCalls());
        report.put("window_s", seconds);
        report.put("service_cpu_s", serviceCpu);
        report.put("cpu_s_per_call_minute", serviceCpu / callMinutes);
        double idleCores = (Double) figure("service_idle_cpu_cores");
        report.put("cpu_s_per_call_minute_above_idle", (serviceCpu - idleCores * seconds) / callMinutes);
        report.put("generator_cpu_s", generatorCpu);
        report.put("generator_cpu_cores", generatorCpu / seconds);
        report.put("generator_gc_ms", close.generatorGcMs() - open.generatorGcMs());
        if (open.fake() != null) {
            double fakeCpu = close.fake().cpuSeconds() - open.fake().cpuSeconds();
            report.put("fake_cpu_s", fakeCpu);
            report.put("fake_cpu_cores", fakeCpu / seconds);
        }
        double rssEnd = close.service().rssKb() / 1024.0;
        report.put("service_rss_end_mb", rssEnd);
        report.put("service_rss_per_call_mb", (rssEnd - idleRssMb) / Math.max(1, up));
        // VmHWM: the process's peak so far, which is reached with the N calls up (nothing heavier came before).
        report.put("service_rss_peak_mb", close.service().peakRssKb() / 1024.0);
        report.put("service_heap_window_start_mb", ServiceSampler.heapMb(open.metrics()));
        report.put("service_heap_window_end_mb", ServiceSampler.heapMb(close.metrics()));
        report.put("rss_samples", samples.size());
        report.put("rss_first_mb", samples.isEmpty() ? Double.NaN : samples.get(0).rssMb());
        report.put("rss_last_mb", samples.isEmpty() ? Double.NaN : samples.get(samples.size() - 1).rssMb());
        report.put("rss_slope_mb_per_min", ServiceSampler.slopePerMinute(samples, false));
        report.put("heap_slope_mb_per_min", ServiceSampler.slopePerMinute(samples, true));
        report.put("service_calls_ended_not_by_caller", options.sample() ? Double.NaN // no metrics: see calls_dropped
                : close.metrics().delta(open.metrics(), "calls_ended_total", "")
                        - close.metrics().delta(open.metrics(), "calls_ended_total", "reason=\"caller-hung-up\""));
    }

    /**
     * CPU per call-minute from the first webhook to the window's end: the dial ramp (a cold JIT's compiling
     * included) and the warm-up as well as the window. Call-minutes are each stream's time from its opening
     * to the window's end, so calls that were still dialing count only once up.
     */
    void withRamp(ProcStats atDial, WindowEnds close, java.util.Collection<Long> openedAtNanos) {
        double callMinutes = openedAtNanos.stream().filter(at -> at < close.nanos())
                .mapToDouble(at -> (close.nanos() - at) / 60e9).sum();
        double cpu = close.service().cpuSeconds() - atDial.cpuSeconds();
        report.put("service_cpu_s_with_ramp", cpu);
        report.put("cpu_s_per_call_minute_with_ramp", cpu / callMinutes);
    }

    void latencies(FakeStatsRead fake, Histogram returns, Histogram responses, Histogram clears, Histogram pacing,
            Histogram greetings) {
        if (fake != null) {
            for (String p : new String[] { "p50", "p99", "p999", "max" }) {
                report.put("fwd_latency_" + p + "_ms", fake.ms("forward_latency_us", p));
            }
        }
        histogram("ret_latency", returns);
        histogram("response_latency", responses);
        report.put("responses_timed", responses.getTotalCount());
        histogram("greeting_latency", greetings);
        report.put("greetings_timed", greetings.getTotalCount());
        histogram("clear_latency", clears);
        histogram("generator_pacing_lateness", pacing);
        if (fake != null) {
            report.put("fake_turn_to_first_delta_p99_ms", fake.ms("turn_fake_us", "p99"));
            report.put("fake_loop_lag_p99_ms", fake.ms("loop_lag_us", "p99"));
            report.put("fake_loop_lag_max_ms", fake.ms("loop_lag_us", "max"));
        }
    }

    /** Fake-side figures of the dialing phase (the fake's first read closes that interval): greetings happen then. */
    void dialPhase(FakeStatsRead atWindowOpen) {
        if (atWindowOpen != null) {
            report.put("fake_session_setup_p50_ms", atWindowOpen.ms("setup_us", "p50"));
            report.put("fake_session_setup_p99_ms", atWindowOpen.ms("setup_us", "p99"));
            report.put("fake_session_setup_max_ms", atWindowOpen.ms("setup_us", "max"));
            report.put("fake_greeting_create_to_first_delta_p99_ms", atWindowOpen.ms("greeting_fake_us", "p99"));
        }
    }

    void frames(WindowEnds open, WindowEnds close, WindowEnds after) {
        CallCounts w = close.calls().minus(open.calls());
        report.put("fwd_frames_sent", w.framesSent());
        report.put("fwd_frames_skipped_backpressure", w.framesSkipped());
        FakeStatsRead a = open.fakeStats();
        FakeStatsRead b = close.fakeStats();
        if (a != null) {
            report.put("fwd_frames_received", b.delta(a, "frames_received"));
            report.put("fwd_frames_lost", b.delta(a, "frames_lost"));
            report.put("fwd_frames_duplicated", b.delta(a, "frames_duplicated"));
            report.put("fwd_frames_reordered", b.delta(a, "frames_reordered"));
            report.put("fwd_bad_or_foreign_frames", b.delta(a, "bad_frames") + b.delta(a, "foreign_frames"));
            // Whole run, after every call hung up and drained: every frame sent must have reached the fake.
            report.put("fwd_whole_run_sent", after.calls().framesSent());
            report.put("fwd_whole_run_received", after.fakeStats().counter("frames_received"));
            // Caller frames that never reached the fake: a bridge that drops audio while its upstream socket is
            // still opening loses them at each call's start, before any sequence check of the window sees them.
            report.put("fwd_whole_run_undelivered",
                    after.calls().framesSent() - after.fakeStats().counter("frames_received"));
            report.put("ret_frames_sent", b.delta(a, "answer_frames_sent"));
        }
        report.put("ret_frames_received", w.answerFrames());
        report.put("ret_frames_lost", w.answerLost());
        report.put("ret_frames_duplicated", w.answerDuplicated());
        report.put("ret_frames_reordered", w.answerReordered());
        report.put("ret_frames_after_clear", w.answerAfterClear());
        report.put("ret_bad_or_foreign_frames", w.badTags() + w.foreignFrames());
        report.put("clears", w.clears());
        report.put("marks_echoed", w.marksEchoed());
        if (a != null) {
            for (String name : new String[] { "responses", "responses_completed", "responses_cancelled", "barge_ins",
                    "truncates", "truncate_errors", "cancels", "cancel_not_active", "unknown_events" }) {
                report.put(name, b.delta(a, name));
            }
        }
        report.put("calls_dropped", close.calls().callsDropped());
    }

    /**
     * With tools on: the fake's function calls and the outputs the service sent back, in the window, and over
     * the whole run once every call hung up. Calls the hang-up cut off are abandoned; their age at the hang-up
     * tells a call that was still running (no older than the slowest answered one) from one never answered.
     */
    void tools(WindowEnds open, WindowEnds close, WindowEnds after) {
        FakeStatsRead a = open.fakeStats();
        FakeStatsRead b = close.fakeStats();
        if (a == null) {
            return;
        }
        report.put("tool_calls", b.delta(a, "function_calls"));
        report.put("tool_outputs", b.delta(a, "function_call_outputs"));
        report.put("tool_outputs_unknown_call", b.delta(a, "function_call_outputs_unknown"));
        report.put("tool_calls_abandoned", b.delta(a, "function_calls_abandoned"));
        report.put("tool_calls_awaiting_output_at_window_start", a.counter("function_calls_awaiting_output"));
        report.put("tool_calls_awaiting_output_at_window_end", b.counter("function_calls_awaiting_output"));
        report.put("tool_call_to_output_p50_ms", b.ms("tool_output_us", "p50"));
        report.put("tool_call_to_output_p99_ms", b.ms("tool_output_us", "p99"));
        report.put("tool_call_to_output_max_ms", b.ms("tool_output_us", "max"));
        report.put("tool_http_requests", b.delta(a, "tool_requests"));
        report.put("tool_answers", b.delta(a, "tool_answers"));
        report.put("response_creates_not_tool_answers", b.delta(a, "response_creates") - b.delta(a, "tool_answers"));
        report.put("responses_cancelled_at_turn_end", b.delta(a, "responses_cancelled_at_turn_end"));
        report.put("service_tool_calls", close.metrics().delta(open.metrics(), "tool_calls_total", ""));
        report.put("service_tool_calls_ok", close.metrics().delta(open.metrics(), "tool_calls_total", "outcome=\"ok\""));
        report.put("service_tool_duration_mean_ms", close.metrics().meanMs(open.metrics(), "tool_duration_seconds", ""));
        FakeStatsRead end = after.fakeStats();
        report.put("tool_whole_run_calls", end.counter("function_calls"));
        report.put("tool_whole_run_outputs", end.counter("function_call_outputs"));
        report.put("tool_whole_run_abandoned", end.counter("function_calls_abandoned"));
        report.put("tool_abandoned_age_max_ms", end.ms("abandoned_age_us", "max"));
    }

    void print() {
        report.print();
    }

    private Object figure(String name) {
        return report.get(name);
    }

    private void nanos(String name, java.util.Collection<Long> values) {
        java.util.concurrent.ConcurrentLinkedQueue<Long> q = new java.util.concurrent.ConcurrentLinkedQueue<>(values);
        report.put(name + "_p50_ms", PlacedCalls.percentileMs(q, 0.50));
        report.put(name + "_p99_ms", PlacedCalls.percentileMs(q, 0.99));
        report.put(name + "_max_ms", PlacedCalls.percentileMs(q, 1.0));
    }

    /** Greetings of calls placed one by one at steady state (see TaggedLoadBenchmark). */
    void steadyGreetings(Histogram greetings, MetricsScrape before, MetricsScrape after) {
        histogram("steady_greeting_latency", greetings);
        report.put("steady_greetings_timed", greetings.getTotalCount());
        // The service's own clocks for the same calls, to split the figure: start → upstream socket open,
        // start → session.updated, start → first greeting audio sent (means, from /q/metrics).
        report.put("steady_service_openai_connect_mean_ms",
                after.meanMs(before, "openai_realtime_connect_seconds", ""));
        report.put("steady_service_session_ready_mean_ms",
                after.meanMs(before, "openai_realtime_session_ready_seconds", ""));
        report.put("steady_service_greeting_mean_ms", after.meanMs(before, "calls_greeting_latency_seconds", ""));
    }

    private void histogram(String name, Histogram h) {
        boolean empty = h.getTotalCount() == 0;
        report.put(name + "_p50_ms", empty ? Double.NaN : h.getValueAtPercentile(50) / 1000.0);
        report.put(name + "_p99_ms", empty ? Double.NaN : h.getValueAtPercentile(99) / 1000.0);
        report.put(name + "_p999_ms", empty ? Double.NaN : h.getValueAtPercentile(99.9) / 1000.0);
        report.put(name + "_max_ms", empty ? Double.NaN : h.getMaxValue() / 1000.0);
    }
}
