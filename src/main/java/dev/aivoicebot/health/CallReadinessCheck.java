package dev.aivoicebot.health;

import dev.aivoicebot.call.CallLimitsConfig;
import dev.aivoicebot.call.CallRegistry;
import dev.aivoicebot.call.ServiceState;
import dev.aivoicebot.emulator.EmulatorConfig;
import dev.aivoicebot.openai.OpenAiConfig;
import dev.aivoicebot.openai.RealtimeEndpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready}: DOWN while this replica should get no new calls (see {@link CallReadiness}), with
 * the reason in the response's data. Reads in-memory state only: a probe never opens an OpenAI session. The
 * same verdict is exported as the gauge {@code service.ready}, so "no ready replica" can be alerted on.
 */
@Readiness
@Singleton
@Startup
class CallReadinessCheck implements HealthCheck {

    private final ServiceState state;
    private final CallRegistry calls;
    private final int maxConcurrent;
    private final boolean missingOpenAiKey;
    private final String upstream;

    CallReadinessCheck(ServiceState state, CallRegistry calls, CallLimitsConfig limits, OpenAiConfig openAi,
            EmulatorConfig emulator, RealtimeEndpoint endpoint, MeterRegistry registry) {
        this.state = state;
        this.calls = calls;
        this.maxConcurrent = limits.maxConcurrent();
        this.missingOpenAiKey = CallReadiness.missingOpenAiKey(LaunchMode.current(), openAi.key(),
                emulator.enabled());
        this.upstream = endpoint.usesEmulator() ? "emulator" : "openai";
        Gauge.builder("service.ready", this, check -> check.readiness().ready() ? 1 : 0).strongReference(true)
                .description("1 while /q/health/ready is UP (the replica takes new calls), else 0").register(registry);
    }

    CallReadiness readiness() {
        return new CallReadiness(state.draining(), calls.activeCount(), maxConcurrent, missingOpenAiKey);
    }

    @Override
    public HealthCheckResponse call() {
        CallReadiness readiness = readiness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("calls").status(readiness.ready())
                .withData("draining", readiness.draining())
                .withData("activeCalls", readiness.activeCalls())
                .withData("maxConcurrentCalls", readiness.maxConcurrent())
                .withData("upstream", upstream);
        if (!readiness.ready()) {
            response.withData("reason", String.join("; ", readiness.reasons()));
        }
        return response.build();
    }
}
