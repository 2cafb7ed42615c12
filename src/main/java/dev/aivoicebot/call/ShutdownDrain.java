package dev.aivoicebot.call;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown (SIGTERM): readiness goes DOWN and new calls are turned away at once; calls in progress
 * may finish for up to {@code DRAIN_TIMEOUT}; the rest hear a goodbye and end.
 *
 * <p>It runs in Quarkus' pre-shutdown phase ({@code quarkus.shutdown.delay-enabled=true} makes Quarkus fire
 * {@link ShutdownDelayInitiatedEvent} there), while the HTTP server still accepts connections and every media
 * stream and Realtime socket is still open: the {@code ShutdownEvent} comes only after the server has closed
 * its connections, too late to drain anything. {@link CallRegistry#endAll} then ends whatever is left, so
 * every transcript closes with a call-end line naming the shutdown.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);
    private static final long POLL_MS = 100;

    private final ServiceState state;
    private final CallRegistry registry;
    private final CallLimitsConfig limits;
    private final SummaryConfig summaries;

    ShutdownDrain(ServiceState state, CallRegistry registry, CallLimitsConfig limits, SummaryConfig summaries) {
        this.state = state;
        this.registry = registry;
        this.limits = limits;
        this.summaries = summaries;
    }

    void onShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        drain();
    }

    /** Blocks the shutdown thread (never an event loop) until every call has ended or was told goodbye. */
    public void drain() {
        state.startDraining();
        if (registry.activeCount() == 0) {
            return;
        }
        LOG.infof("Shutting down: waiting up to %d s for %d call(s) to finish", limits.drainTimeout().toSeconds(),
                registry.activeCount());
        waitForCalls(System.nanoTime() + limits.drainTimeout().toNanos());
        List<CallSession> remaining = registry.active();
        if (remaining.isEmpty()) {
            return;
        }
        LOG.infof("Shutting down: ending %d call(s) with a goodbye", remaining.size());
        remaining.forEach(call -> call.endWithGoodbye(CallEndReason.SHUTDOWN, "service shutting down"));
        // A call leaves the registry once its summary step is over too, which may take up to SUMMARY_TIMEOUT.
        long summaryMs = summaries.enabled() ? summaries.timeout().toMillis() : 0;
        waitForCalls(System.nanoTime() + (CallSession.GOODBYE_GRACE_MS + summaryMs + 1_000) * 1_000_000);
    }

    private void waitForCalls(long deadlineNanos) {
        while (registry.activeCount() > 0 && System.nanoTime() < deadlineNanos) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
