package dev.aivoicebot.call;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this replica takes new calls. Draining starts at shutdown: readiness reports DOWN at once so the
 * load balancer stops sending calls, and new webhooks get a busy answer while calls in progress finish.
 */
@ApplicationScoped
public class ServiceState {

    private volatile boolean draining;

    public boolean draining() {
        return draining;
    }

    void startDraining() {
        draining = true;
    }
}
