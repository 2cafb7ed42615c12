package dev.aivoicebot.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.openai.TokenUsage;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.transcript.CallDetails;
import java.util.Optional;

/**
 * What is known about a call once it has ended: its summary and structured outcome (when asked for and given in
 * time), the tokens it used and their estimated cost. {@link CallSession#report()} completes with it after the
 * summary step, before the transcript's last line; the call's details file (and from it the database, the calls
 * API and the business webhook) takes it through {@link #fill}.
 *
 * @param summary 1–3 sentences from the model, empty when off, timed out or unusable
 * @param outcomeJson the outcome as compact JSON matching CALL_OUTCOME_SCHEMA, empty when not configured or unusable
 */
public record CallReport(CallSid callSid, CallEndReason reason, Optional<String> summary, Optional<String> outcomeJson,
        CallUsage usage, double costUsd) {

    /** Parses the outcome once per call; the outcome was checked against its schema already, so it reads. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Puts the summary, outcome, token counts and cost into the call's record. */
    CallDetails.Builder fill(CallDetails.Builder details) {
        TokenUsage tokens = usage.tokens();
        details.summary(summary.orElse(null)).costUsd(costUsd)
                .usage(new CallDetails.Usage(tokens.inputText(), tokens.inputAudio(), tokens.cachedText(),
                        tokens.cachedAudio(), tokens.outputText(), tokens.outputAudio()));
        outcomeJson.ifPresent(json -> {
            try {
                details.outcome(JSON.readTree(json));
            } catch (JsonProcessingException e) {
                // kept out of the record, as an unusable outcome is kept out of the transcript
            }
        });
        return details;
    }
}
