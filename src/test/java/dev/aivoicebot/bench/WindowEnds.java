package dev.aivoicebot.bench;

import io.vertx.core.Future;
import java.net.http.HttpClient;
import java.util.List;

/**
 * Everything read at one end of the measured window, so that each figure of the window is a difference of
 * two reads taken within moments of each other: the service's, the generator's and the fake's CPU (/proc),
 * the service's metrics, the fake's stats (which also closes its histogram interval) and the callers' counters.
 */
record WindowEnds(long nanos, ProcStats service, ProcStats generator, ProcStats fake, MetricsScrape metrics,
        FakeStatsRead fakeStats, CallCounts calls, int liveCalls, long generatorGcMs) {

    static WindowEnds read(HttpClient http, BenchOptions options, List<PacingShard> shards, boolean settle) {
        CallCounts counts = CallCounts.ZERO;
        int live = 0;
        for (PacingShard shard : shards) {
            counts = counts.plus(await(shard.counts(settle)));
            live += await(shard.onCalls(calls -> (int) calls.stream().filter(TaggedCall::live).count()));
        }
        return new WindowEnds(System.nanoTime(), ProcStats.of(options.servicePid()), ProcStats.self(),
                options.fakePid() > 0 ? ProcStats.of(options.fakePid()) : null,
                MetricsScrape.fetch(http, options.management()),
                options.fake().isEmpty() ? null : FakeStatsRead.fetch(http, options.fake()), counts, live, gcMs());
    }

    /** The generator's own GC time so far: a stalled generator would show here before anywhere else. */
    private static long gcMs() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
