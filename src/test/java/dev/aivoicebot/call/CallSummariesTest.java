package dev.aivoicebot.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.openai.OutOfBandResult;
import dev.aivoicebot.openai.ResponseCreate;
import dev.aivoicebot.openai.TokenUsage;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the summary is asked for and how each kind of answer is read, and what the configured prices make of usage. */
class CallSummariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            {"type":"object","properties":{"resolved":{"type":"boolean"},"topic":{"enum":["billing","other"]}},
             "required":["resolved"]}""";

    @Test
    void withoutASchemaTheAnswerIsTheSummary() {
        CallSummaries summaries = summaries(null);
        ResponseCreate request = summaries.request();
        assertEquals("none", request.response().conversation());
        assertEquals(List.of("text"), request.response().outputModalities());
        assertEquals("summary", request.response().metadata().get("purpose"));
        assertEquals("none", request.response().toolChoice());

        Summary read = summaries.read(done("  The caller asked\nabout hours.  "));
        assertEquals(List.of("summary: The caller asked about hours."), read.transcriptLines());
    }

    @Test
    void withASchemaTheAnswerIsJsonHoldingSummaryAndOutcome() {
        CallSummaries summaries = summaries(SCHEMA);
        assertTrue(summaries.request().response().instructions().contains("\"topic\":{\"enum\":[\"billing\",\"other\"]}"));

        Summary read = summaries.read(done("```json\n{\"summary\":\"Billing question, solved.\","
                + "\"outcome\":{\"resolved\":true,\"topic\":\"billing\"}}\n```"));
        assertEquals(Optional.of("Billing question, solved."), read.text());
        assertEquals(Optional.of("{\"resolved\":true,\"topic\":\"billing\"}"), read.outcomeJson());
        assertEquals(List.of("summary: Billing question, solved.", "outcome: {\"resolved\":true,\"topic\":\"billing\"}"),
                read.transcriptLines());
    }

    @Test
    void anAnswerOfTheWrongShapeIsNotedNeverKeptRaw() {
        CallSummaries summaries = summaries(SCHEMA);
        Summary notJson = summaries.read(done("Sure! The caller wanted a refund of card 4111."));
        assertEquals(List.of("summary: none (the answer was not the JSON asked for, 46 characters)",
                "outcome: none (the answer was not the JSON asked for, 46 characters)"), notJson.transcriptLines());

        Summary wrongType = summaries.read(done("{\"summary\":\"Refund.\",\"outcome\":{\"resolved\":\"yes\"}}"));
        assertEquals(Optional.of("Refund."), wrongType.text());
        assertEquals(List.of("summary: Refund.",
                "outcome: none (it does not match CALL_OUTCOME_SCHEMA: \"resolved\" is not of type boolean)"),
                wrongType.transcriptLines());

        Summary missing = summaries.read(done("{\"summary\":\"Refund.\",\"outcome\":{\"topic\":\"other\"}}"));
        assertFalse(missing.outcomeJson().isPresent());
        Summary notListed = summaries.read(done("{\"summary\":\"x\",\"outcome\":{\"resolved\":true,\"topic\":\"sales\"}}"));
        assertTrue(notListed.transcriptLines().get(1).contains("\"topic\" is not one of [\"billing\",\"other\"]"),
                notListed.transcriptLines()::toString);
    }

    @Test
    void aFailedOrEmptyAnswerIsNoSummary() {
        assertEquals(List.of("summary: none (the response failed)"),
                summaries(null).read(new OutOfBandResult("summary", "failed", "")).transcriptLines());
        assertEquals(List.of("summary: none (empty answer)"), summaries(null).read(done(" ")).transcriptLines());
    }

    @Test
    void aSchemaThatIsNotAJsonObjectStopsTheStart() {
        assertThrows(ConfigurationException.class, () -> summaries("{\"type\":"));
        assertThrows(ConfigurationException.class, () -> summaries("[1,2]"));
    }

    @Test
    void pricesApplyPerModalityWithCachedInputAtItsOwnRate() {
        Prices prices = new Prices(new PricesConfig() {
            public double textInput() { return 4; }
            public double textCachedInput() { return 0.4; }
            public double textOutput() { return 16; }
            public double audioInput() { return 32; }
            public double audioCachedInput() { return 0.4; }
            public double audioOutput() { return 64; }
        });
        // 57 uncached + 256 cached text in, 92 uncached + 384 cached audio in, 9 text + 23 audio out
        double expected = (57 * 4 + 256 * 0.4 + 9 * 16 + 92 * 32 + 384 * 0.4 + 23 * 64) / 1e6;
        assertEquals(expected, prices.costUsd(new TokenUsage(313, 476, 256, 384, 9, 23)), 1e-12);
        assertEquals(0, prices.costUsd(TokenUsage.NONE));
    }

    private static OutOfBandResult done(String text) {
        return new OutOfBandResult("summary", "completed", text);
    }

    private static CallSummaries summaries(String schema) {
        return new CallSummaries(new SummaryConfig() {
            public boolean enabled() { return true; }
            public Duration timeout() { return Duration.ofSeconds(5); }
            public Optional<String> outcomeSchema() { return Optional.ofNullable(schema); }
        }, JSON);
    }
}
