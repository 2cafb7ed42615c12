package dev.aivoicebot.call;

import dev.aivoicebot.safety.CallSid;
import java.util.Optional;

/**
 * What is known about a call once it has ended: its summary and structured outcome (when asked for and given in
 * time), the tokens it used and their estimated cost. {@link CallSession#report()} completes with it after the
 * summary step, before the transcript's last line; stores and webhooks take it from there.
 *
 * @param summary 1–3 sentences from the model, empty when off, timed out or unusable
 * @param outcomeJson the outcome as compact JSON matching CALL_OUTCOME_SCHEMA, empty when not configured or unusable
 */
public record CallReport(CallSid callSid, CallEndReason reason, Optional<String> summary, Optional<String> outcomeJson,
        CallUsage usage, double costUsd) {
}
