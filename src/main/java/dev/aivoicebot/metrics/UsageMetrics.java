package dev.aivoicebot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * What the Realtime model is used for, and what calls cost: {@code openai.tokens{direction,modality,cached}}
 * ({@code openai_tokens_total}) and {@code call.cost.usd} ({@code call_cost_usd}, a histogram). Every series is
 * registered at start; counting runs once per {@code response.done}, never per audio frame.
 *
 * <p>The cost histogram is registered with the Prometheus client's registry as a collector of our own
 * ({@link CostHistogram} says why).
 */
@Singleton
@Startup
public class UsageMetrics {

    /** Estimated cost of one call: a cent to ten dollars (a long call on the largest model). */
    static final double[] COST_BUCKETS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10};

    private final Counter inputText;
    private final Counter inputTextCached;
    private final Counter inputAudio;
    private final Counter inputAudioCached;
    private final Counter outputText;
    private final Counter outputAudio;
    private final CostHistogram callCost;

    public UsageMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        inputText = tokens(registry, "input", "text", false);
        inputTextCached = tokens(registry, "input", "text", true);
        inputAudio = tokens(registry, "input", "audio", false);
        inputAudioCached = tokens(registry, "input", "audio", true);
        outputText = tokens(registry, "output", "text", false);
        outputAudio = tokens(registry, "output", "audio", false);
        callCost = new CostHistogram(COST_BUCKETS, "Estimated OpenAI cost of ended calls, in USD, from the configured prices");
        prometheus.getPrometheusRegistry().register(callCost);
    }

    /** One response's tokens; the input counts include the cached ones, which are counted apart here. */
    public void tokens(long inText, long inAudio, long cachedText, long cachedAudio, long outText, long outAudio) {
        inputText.increment(inText - cachedText);
        inputTextCached.increment(cachedText);
        inputAudio.increment(inAudio - cachedAudio);
        inputAudioCached.increment(cachedAudio);
        outputText.increment(outText);
        outputAudio.increment(outAudio);
    }

    public void callEnded(double costUsd) {
        callCost.observe(costUsd);
    }

    private static Counter tokens(MeterRegistry registry, String direction, String modality, boolean cached) {
        return Counter.builder("openai.tokens").tag("direction", direction).tag("modality", modality)
                .tag("cached", Boolean.toString(cached))
                .description("Realtime tokens used, from response.done usage; cached input is billed lower")
                .register(registry);
    }
}
