package dev.aivoicebot.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * What {@code bench/load.sh} passes to {@link TaggedLoadBenchmark}, as {@code key=value} arguments.
 *
 * @param local      the service's local base URL
 * @param management its management interface's origin, for /q/metrics; default {@code local}'s host, port 9000
 *                   for the service, none (empty) for the sample
 * @param servicePid the service's process, for /proc
 * @param calls      concurrent calls to hold
 * @param seconds    measured window
 * @param warmupS    time between the last call up and the window: JIT, pools, first answers out of the window
 * @param publicBase the service's PUBLIC_BASE_URL (what Twilio signs)
 * @param token      Twilio auth token
 * @param fake       the fake Realtime server's base URL ({@code /stats}); empty = none
 * @param fakePid    its process, for /proc; 0 = none
 * @param thinkMs    the fake's think time, subtracted from response and greeting latency
 * @param rampMs     arrivals are spread evenly over this
 * @param dialers    webhooks in flight at once, at most
 * @param eventLoops generator event loops, each pacing and receiving its share of the calls
 * @param toolMs     the fake's tool time; when on, the report adds the tool calls' counts and times
 * @param target     {@code service} (this project, the default) or {@code sample} (Twilio's Node.js sample):
 *                   which webhook the callers post and how they find the stream, see {@link CallTarget}
 */
record BenchOptions(String local, String management, long servicePid, int calls, long seconds, long warmupS,
        String publicBase, String token, String fake, long fakePid, long thinkMs, long rampMs, int dialers,
        int eventLoops, long toolMs, String target) {

    static final String SAMPLE = "sample";

    static BenchOptions parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int calls = Integer.parseInt(a.get("calls"));
        String local = a.get("local");
        String target = a.getOrDefault("target", "service");
        if (!target.equals("service") && !target.equals(SAMPLE)) {
            throw new IllegalArgumentException("target must be service or sample, was " + target);
        }
        return new BenchOptions(local, a.getOrDefault("management",
                        target.equals(SAMPLE) ? "" : MetricsScrape.defaultManagement(local)),
                Long.parseLong(a.get("pid")), calls,
                Long.parseLong(a.getOrDefault("seconds", "45")), Long.parseLong(a.getOrDefault("warmup", "20")),
                a.get("public"), a.get("token"), a.getOrDefault("fake", ""),
                Long.parseLong(a.getOrDefault("fake-pid", "0")), Long.parseLong(a.getOrDefault("think-ms", "0")),
                Long.parseLong(a.getOrDefault("ramp-ms", String.valueOf(Math.min(10_000, calls * 50L)))),
                Integer.parseInt(a.getOrDefault("dialers", "64")),
                Integer.parseInt(a.getOrDefault("event-loops", "2")),
                Long.parseLong(a.getOrDefault("tool-ms", "0")), target);
    }

    boolean sample() {
        return SAMPLE.equals(target);
    }
}
