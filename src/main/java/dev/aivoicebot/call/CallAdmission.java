package dev.aivoicebot.call;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether this replica can take one more call: not draining, and under {@code MAX_CONCURRENT_CALLS}. */
@ApplicationScoped
public class CallAdmission {

    private final ServiceState state;
    private final CallRegistry registry;
    private final int maxConcurrent;

    CallAdmission(ServiceState state, CallRegistry registry, CallLimitsConfig limits) {
        this.state = state;
        this.registry = registry;
        this.maxConcurrent = limits.maxConcurrent();
    }

    public boolean hasRoom() {
        return !state.draining() && (maxConcurrent <= 0 || registry.activeCount() < maxConcurrent);
    }

    public boolean draining() {
        return state.draining();
    }
}
