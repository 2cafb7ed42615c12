package dev.aivoicebot.call;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown (SIGTERM): readiness goes DOWN and new calls are turned away at once; calls in progress
 * may finish for up to {@code DRAIN_TIMEOUT}; the rest hear a goodbye and end. Runs before
 * {@link CallRegistry#endAll} so every transcript closes with a call-end line naming the shutdown.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);
    private static final long POLL_MS = 100;

    private final ServiceState state;
    private final CallRegistry registry;
    private final CallLimitsConfig limits;

    ShutdownDrain(ServiceState state, CallRegistry registry, CallLimitsConfig limits) {
        this.state = state;
        this.registry = registry;
        this.limits = limits;
    }

    void onShutdown(@Observes @Priority(50) ShutdownEvent event) {
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
        waitForCalls(System.nanoTime() + (CallSession.GOODBYE_GRACE_MS + 1_000) * 1_000_000);
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
