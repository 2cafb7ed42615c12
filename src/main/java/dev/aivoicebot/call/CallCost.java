package dev.aivoicebot.call;

import dev.aivoicebot.metrics.UsageMetrics;
import dev.aivoicebot.openai.TokenUsage;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One call's token usage and its estimated cost, summed over every {@code response.done} of every session the
 * call had (reconnects included), and whether it has reached MAX_CALL_COST_USD. Its own monitor: usage arrives on
 * the upstream's event loop, the report is read when the line is down.
 */
final class CallCost {

    private final Prices prices;
    private final UsageMetrics metrics;
    private final OptionalDouble budgetUsd;
    private CallUsage usage = CallUsage.NONE;
    private double costUsd;
    private boolean budgetReported;

    CallCost(Prices prices, UsageMetrics metrics, OptionalDouble budgetUsd) {
        this.prices = prices;
        this.metrics = metrics;
        this.budgetUsd = budgetUsd;
    }

    /** Adds one response's usage; true the first time the running cost reaches the budget. */
    synchronized boolean add(TokenUsage response) {
        usage = usage.plus(response);
        costUsd += prices.costUsd(response);
        metrics.tokens(response.inputText(), response.inputAudio(), response.cachedText(), response.cachedAudio(),
                response.outputText(), response.outputAudio());
        if (!budgetReported && budgetUsd.isPresent() && costUsd >= budgetUsd.getAsDouble()) {
            budgetReported = true;
            return true;
        }
        return false;
    }

    synchronized CallUsage usage() {
        return usage;
    }

    synchronized double costUsd() {
        return costUsd;
    }

    /** The transcript's usage line. */
    synchronized String describe() {
        TokenUsage tokens = usage.tokens();
        return String.format(Locale.ROOT, "usage: input %d tokens (%d cached), output %d tokens; estimated cost $%.4f",
                tokens.inputTokens(), tokens.cachedTokens(), tokens.outputTokens(), costUsd);
    }

    String budgetDescription() {
        return "call budget of $" + BigDecimal.valueOf(budgetUsd.orElse(0)).stripTrailingZeros().toPlainString()
                + " reached";
    }
}
