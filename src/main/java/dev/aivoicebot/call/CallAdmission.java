package dev.aivoicebot.call;

import dev.aivoicebot.metrics.CallMetrics;
import dev.aivoicebot.metrics.CallRejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whether this replica can take one more call: not draining, and under {@code MAX_CONCURRENT_CALLS}. Every way
 * in (the webhook, the stream's {@code start}, the browser softphone) asks here, so a call turned away is
 * counted in {@code calls.rejected} in one place, with its reason.
 */
@ApplicationScoped
public class CallAdmission {

    private final ServiceState state;
    private final CallRegistry registry;
    private final CallMetrics metrics;
    private final int maxConcurrent;

    CallAdmission(ServiceState state, CallRegistry registry, CallMetrics metrics, CallLimitsConfig limits) {
        this.state = state;
        this.registry = registry;
        this.metrics = metrics;
        this.maxConcurrent = limits.maxConcurrent();
    }

    /** Empty when there is room for one more call; otherwise why not, already counted. */
    public Optional<CallRejection> checkRoom() {
        CallRejection refused = state.draining() ? CallRejection.DRAINING
                : maxConcurrent > 0 && registry.activeCount() >= maxConcurrent ? CallRejection.CAPACITY : null;
        if (refused != null) {
            metrics.callRejected(refused);
        }
        return Optional.ofNullable(refused);
    }
}
