package dev.aivoicebot.call;

import dev.aivoicebot.metrics.CallMetrics;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Arrays;

/** Hands the call-side numbers to the metrics at start-up: calls in progress, the limit, every end reason. */
@Singleton
@Startup // before the first scrape, so every series is there at zero
class CallGauges {

    CallGauges(CallMetrics metrics, CallRegistry calls, CallLimitsConfig limits) {
        metrics.callGauges(calls::activeCount, limits.maxConcurrent());
        metrics.endReasons(Arrays.stream(CallEndReason.values()).map(CallEndReason::tag).toList());
    }
}
