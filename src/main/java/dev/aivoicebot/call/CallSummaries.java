package dev.aivoicebot.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.openai.OutOfBandResult;
import dev.aivoicebot.openai.ResponseCreate;
import dev.aivoicebot.safety.SafeText;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The end-of-call summary as the service asks for it and reads it: one out-of-band text response over the call's
 * own Realtime session, so the model reads the conversation it already has (cached input) and nothing is added to
 * it. With CALL_OUTCOME_SCHEMA the same response returns JSON holding the summary and the outcome. Checked at
 * start, so a bad schema stops the start.
 */
@Singleton
@Startup
public class CallSummaries {

    /** The {@code metadata.purpose} the answer carries back in its {@code response.done}. */
    static final String PURPOSE = "summary";
    private static final String ASK = "The phone call above has ended. Summarize it for the business's records in "
            + "one to three sentences: who called, what they wanted, and how the call ended.";

    private final SummaryConfig config;
    private final ObjectMapper json;
    private final Optional<OutcomeSchema> outcome;
    private final ResponseCreate request;

    CallSummaries(SummaryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.outcome = config.outcomeSchema().filter(s -> !s.isBlank()).map(s -> OutcomeSchema.parse(s, json));
        this.request = ResponseCreate.outOfBand(instructions(), Map.of("purpose", PURPOSE));
    }

    boolean enabled() {
        return config.enabled();
    }

    Duration timeout() {
        return config.timeout();
    }

    boolean outcomeAsked() {
        return outcome.isPresent();
    }

    ResponseCreate request() {
        return request;
    }

    /** Reads the model's answer; an answer of the wrong shape is noted, never kept raw. */
    Summary read(OutOfBandResult answer) {
        if (!answer.completed()) {
            return Summary.none(outcomeAsked(), "the response " + SafeText.of(answer.status()));
        }
        String text = answer.text().strip();
        if (text.isEmpty()) {
            return Summary.none(outcomeAsked(), "empty answer");
        }
        if (outcome.isEmpty()) {
            return new Summary(true, false, Optional.of(SafeText.line(text)), Optional.empty(), null, null);
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(withoutCodeFence(text));
        } catch (IOException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            return Summary.none(true, "the answer was not the JSON asked for, " + text.length() + " characters");
        }
        Optional<String> summary = Optional.of(parsed.path("summary")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).filter(s -> !s.isBlank()).map(SafeText::line);
        JsonNode given = parsed.path("outcome");
        Optional<String> problem = given.isMissingNode() ? Optional.of("no \"outcome\"")
                : outcome.get().problem(given);
        Optional<String> outcomeJson = problem.isPresent() ? Optional.empty() : Optional.of(SafeText.line(given.toString()));
        return new Summary(true, true, summary, outcomeJson, "no \"summary\" in the answer",
                problem.map(p -> "it does not match CALL_OUTCOME_SCHEMA: " + SafeText.of(p)).orElse(null));
    }

    private String instructions() {
        if (outcome.isEmpty()) {
            return ASK + " Answer in plain text, without a preamble.";
        }
        ObjectNode schema = json.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("summary").put("type", "string");
        properties.set("outcome", outcome.get().schema());
        schema.putArray("required").add("summary").add("outcome");
        return ASK + " Answer with one JSON object and nothing else, matching this JSON Schema: " + schema
                + " Its \"summary\" is that summary; its \"outcome\" describes the call as its schema asks.";
    }

    /** Models sometimes wrap JSON in a Markdown code fence even when told not to. */
    private static String withoutCodeFence(String text) {
        if (text.startsWith("```") && text.endsWith("```") && text.length() > 6) {
            String inner = text.substring(3, text.length() - 3);
            return inner.startsWith("json") ? inner.substring(4) : inner;
        }
        return text;
    }
}
