package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.assertSchemaClean;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.emulator.SchemaValidatingInspector;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A whole call through the emulator: every {@code response.done} it sent (each valid by OpenAI's schema) is summed
 * here from the raw events and priced with the configured prices, and the call's report, its transcript and
 * {@code /q/metrics} must say the same. The summary and outcome come from the same session, out of band.
 */
@QuarkusTest
@TestProfile(CallUsageTest.PricesAndOutcome.class)
class CallUsageTest extends DialingTest {

    static final String SCHEMA = """
            {"type":"object","properties":{"resolved":{"type":"boolean"},"topic":{"enum":["billing","other"]}},
             "required":["resolved","topic"]}""";

    public static class PricesAndOutcome implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("PRICE_TEXT_INPUT", "1", "PRICE_TEXT_CACHED_INPUT", "0.1", "PRICE_TEXT_OUTPUT", "2",
                    "PRICE_AUDIO_INPUT", "10", "PRICE_AUDIO_CACHED_INPUT", "0.2", "PRICE_AUDIO_OUTPUT", "20",
                    "CALL_OUTCOME_SCHEMA", SCHEMA);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmulatorRecorder emulator;

    @Inject
    SchemaValidatingInspector schemas;

    @Inject
    CallRegistry registry;

    @Override
    void beforeDialing() {
        await("calls of earlier tests have ended", () -> registry.activeCount() == 0);
    }

    @Test
    void usageIsSummedPricedReportedWrittenAndCounted() throws Exception {
        MetricsScrape before = MetricsScrape.now();
        var sessions = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(2000).speech(1000).silence(1500).thenSilenceUntilHangUp());
        CallSid callSid = new CallSid(call.identity().callSid());
        await("the call is registered", () -> registry.find(callSid).isPresent());
        var report = registry.find(callSid).orElseThrow().report().toCompletableFuture();
        EmulatorSession session = newSession(emulator, sessions);
        await("greeting and answer are generated", () -> responsesDone(session).size() >= 2);
        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        CallReport reported = report.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        MetricsScrape after = MetricsScrape.now();

        List<JsonNode> done = responsesDone(session);
        assertEquals(3, done.size(), "greeting, answer, summary");
        long[] sums = new long[6]; // text in, audio in, cached text, cached audio, text out, audio out
        for (JsonNode event : done) {
            assertEquals(List.of(), SchemaValidatingInspector.serverEventProblems(event.toString()), event::toString);
            JsonNode usage = event.at("/response/usage");
            sums[0] += usage.at("/input_token_details/text_tokens").asLong();
            sums[1] += usage.at("/input_token_details/audio_tokens").asLong();
            sums[2] += usage.at("/input_token_details/cached_tokens_details/text_tokens").asLong();
            sums[3] += usage.at("/input_token_details/cached_tokens_details/audio_tokens").asLong();
            sums[4] += usage.at("/output_token_details/text_tokens").asLong();
            sums[5] += usage.at("/output_token_details/audio_tokens").asLong();
        }
        assertTrue(sums[2] > 0 && sums[3] > 0 && sums[5] > 0, "the emulator's usage has every kind: "
                + java.util.Arrays.toString(sums));
        double cost = ((sums[0] - sums[2]) * 1 + sums[2] * 0.1 + sums[4] * 2
                + (sums[1] - sums[3]) * 10 + sums[3] * 0.2 + sums[5] * 20) / 1e6;

        assertEquals(callSid, reported.callSid());
        assertEquals(CallEndReason.CALLER_HUNG_UP, reported.reason());
        assertEquals(3, reported.usage().responses());
        assertEquals(sums[0] + sums[1], reported.usage().tokens().inputTokens());
        assertEquals(sums[2] + sums[3], reported.usage().tokens().cachedTokens());
        assertEquals(sums[4] + sums[5], reported.usage().tokens().outputTokens());
        assertEquals(cost, reported.costUsd(), 1e-12);
        assertTrue(reported.summary().orElseThrow().startsWith("The caller took 1 turn(s)"), reported::toString);
        JsonNode outcome = JSON.readTree(reported.outcomeJson().orElseThrow());
        assertEquals(true, outcome.path("resolved").asBoolean(false));
        assertEquals("billing", outcome.path("topic").asText());

        int n = transcript.size();
        assertTrue(transcript.get(n - 4).endsWith(" system: summary: " + reported.summary().get()), transcript::toString);
        assertTrue(transcript.get(n - 3).endsWith(" system: outcome: " + reported.outcomeJson().get()),
                transcript::toString);
        assertTrue(transcript.get(n - 2).endsWith(String.format(Locale.ROOT,
                " system: usage: input %d tokens (%d cached), output %d tokens; estimated cost $%.4f",
                sums[0] + sums[1], sums[2] + sums[3], sums[4] + sums[5], cost)), transcript::toString);
        assertTrue(transcript.get(n - 1).contains("call ended: caller hung up"), transcript::toString);

        assertEquals(sums[0] - sums[2], after.delta(before, "openai_tokens_total",
                "cached=\"false\",direction=\"input\",modality=\"text\""));
        assertEquals(sums[2], after.delta(before, "openai_tokens_total",
                "cached=\"true\",direction=\"input\",modality=\"text\""));
        assertEquals(sums[1] - sums[3], after.delta(before, "openai_tokens_total",
                "cached=\"false\",direction=\"input\",modality=\"audio\""));
        assertEquals(sums[3], after.delta(before, "openai_tokens_total",
                "cached=\"true\",direction=\"input\",modality=\"audio\""));
        assertEquals(sums[4], after.delta(before, "openai_tokens_total",
                "cached=\"false\",direction=\"output\",modality=\"text\""));
        assertEquals(sums[5], after.delta(before, "openai_tokens_total",
                "cached=\"false\",direction=\"output\",modality=\"audio\""));
        assertEquals(1, after.delta(before, "call_cost_usd_count"));
        assertEquals(cost, after.delta(before, "call_cost_usd_sum"), 1e-9);
        assertEquals(1, after.delta(before, "call_cost_usd_bucket", "le=\"0.01\""),
                () -> "a short call costs under a cent: " + cost + "; " + after.text().lines()
                        .filter(l -> l.startsWith("call_cost_usd")).toList());

        List<JsonNode> outOfBand = session.clientEvents().stream().map(CallUsageTest::parse)
                .filter(e -> "none".equals(e.at("/response/conversation").asText())).toList();
        assertEquals(1, outOfBand.size(), "one summary request");
        assertEquals("summary", outOfBand.get(0).at("/response/metadata/purpose").asText());
        assertTrue(outOfBand.get(0).at("/response/instructions").asText().contains("\"topic\":{\"enum\""),
                "the outcome schema is in the request");
        assertSchemaClean(schemas, session);
    }

    private static List<JsonNode> responsesDone(EmulatorSession session) {
        return session.serverEvents().stream().map(CallUsageTest::parse)
                .filter(e -> "response.done".equals(e.path("type").asText())).toList();
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
