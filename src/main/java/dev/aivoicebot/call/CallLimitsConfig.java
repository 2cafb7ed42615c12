package dev.aivoicebot.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalDouble;

/** Cost and capacity limits of this replica. Env: MAX_CONCURRENT_CALLS, MAX_CALL_DURATION, DRAIN_TIMEOUT, MAX_CALL_COST_USD. */
@ConfigMapping(prefix = "calls")
public interface CallLimitsConfig {

    /** Calls this replica takes at once; more get a polite busy message. 0 means no limit. */
    @WithDefault("100")
    int maxConcurrent();

    /** Longest call; then the assistant says goodbye. Below OpenAI's 30-minute session limit. */
    @WithDefault("25m")
    Duration maxDuration();

    /** Estimated cost (USD, from {@link PricesConfig}) at which the assistant says goodbye; unset means no cap. */
    OptionalDouble maxCostUsd();

    /** On shutdown, how long calls in progress may go on before they are ended with a goodbye. */
    @WithDefault("30s")
    Duration drainTimeout();
}
