package dev.aivoicebot.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * {@code calls.transfers{target,outcome}} ({@code calls_transfers_total} in Prometheus). The target tag is a
 * configured name or {@code unknown}, so it is bounded by the configuration, never by what a model invents; every
 * series exists from the start at zero.
 */
@Singleton
@Startup
class TransferMetrics {

    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;
    private final TransferTargets targets;

    TransferMetrics(MeterRegistry registry, TransferTargets targets) {
        this.registry = registry;
        this.targets = targets;
        for (String name : targets.names()) {
            for (TransferOutcome outcome : TransferOutcome.values()) {
                if (outcome != TransferOutcome.UNKNOWN_TARGET) {
                    counter(name, outcome);
                }
            }
        }
        counter(UNKNOWN, TransferOutcome.UNKNOWN_TARGET);
    }

    void count(String target, TransferOutcome outcome) {
        counter(targets.address(target).isPresent() ? target : UNKNOWN, outcome).increment();
    }

    private Counter counter(String target, TransferOutcome outcome) {
        return Counter.builder("calls.transfers").tag("target", target).tag("outcome", outcome.tag())
                .description("Transfers to a person by target and outcome").register(registry);
    }
}
