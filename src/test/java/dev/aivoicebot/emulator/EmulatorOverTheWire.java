package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator as a Realtime client sees it: event order, audio, errors, closes, and every server event
 * checked against OpenAI's published schema. Only the wire is used, so the same conversations run in JVM
 * tests (where {@link RealtimeEmulatorWebSocketTest} adds what the emulator recorded) and against the
 * packaged jar or native binary. Each test leaves what it sent in fields for such subclasses.
 */
abstract class EmulatorOverTheWire {

    static final String SESSION_UPDATE = """
            {"type":"session.update","session":{"type":"realtime","model":"gpt-realtime",
             "output_modalities":["audio"],"instructions":"Be brief.",
             "audio":{"input":{"format":{"type":"audio/pcmu"},
                               "turn_detection":{"type":"server_vad","silence_duration_ms":500,
                                 "prefix_padding_ms":300,"threshold":0.5,"create_response":true,
                                 "interrupt_response":true},
                               "transcription":{"model":"gpt-4o-mini-transcribe"}},
                      "output":{"format":{"type":"audio/pcmu"},"voice":"marin"}}}}""";
    static final String NO_VAD = """
            {"type":"session.update","session":{"type":"realtime",
             "audio":{"input":{"format":{"type":"audio/pcmu"},"turn_detection":null},
                      "output":{"format":{"type":"audio/pcmu"}}}}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/emulator/v1/realtime")
    URI endpoint;

    RealtimeTestClient client;
    /** The {@code session.created} event of the test's session. */
    JsonNode created;
    /** All caller audio the test appended, in order. */
    byte[] appended;
    /** The id of the response the test looked at most closely. */
    String responseId;
    /** The assistant item and how much of its audio was sent, in the truncation test. */
    String truncatedItem;
    int sentMs;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aServerVadTurnIsCommittedTranscribedAndPlayedBack() {
        client = connect(Map.of("Authorization", "Bearer sk-test"));
        created = client.await("session.created");
        assertEquals("gpt-realtime", created.at("/session/model").asText());
        client.send(SESSION_UPDATE);
        JsonNode updated = client.await("session.updated");
        assertEquals("audio/pcmu", updated.at("/session/audio/input/format/type").asText());
        assertEquals(500, updated.at("/session/audio/input/turn_detection/silence_duration_ms").asInt());

        byte[] tone = Audio.create().tone(1000).bytes();
        appended = Audio.create().silence(500).tone(1000).silence(1200).bytes();
        client.append(appended);

        JsonNode started = client.await("input_audio_buffer.speech_started");
        JsonNode stopped = client.await("input_audio_buffer.speech_stopped");
        JsonNode committed = client.await("input_audio_buffer.committed");
        JsonNode transcript = client.await("conversation.item.input_audio_transcription.completed");
        JsonNode done = client.await("response.done");
        assertEquals(200, started.path("audio_start_ms").asInt());
        assertEquals(2000, stopped.path("audio_end_ms").asInt());
        String userItem = started.path("item_id").asText();
        assertEquals(userItem, stopped.path("item_id").asText());
        assertEquals(userItem, committed.path("item_id").asText());
        assertEquals("caller spoke for 1.80 seconds", transcript.path("transcript").asText());
        assertEquals("completed", done.at("/response/status").asText());
        assertEquals(List.of("input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped",
                "input_audio_buffer.committed", "conversation.item.added", "conversation.item.done",
                "conversation.item.input_audio_transcription.completed", "response.created",
                "response.output_item.added", "conversation.item.added", "response.content_part.added",
                "response.output_audio_transcript.delta", "response.output_audio.delta"),
                client.types().subList(2, 14));
        assertEquals(List.of("response.output_audio.done", "response.output_audio_transcript.done",
                "response.content_part.done", "response.output_item.done", "conversation.item.done",
                "response.done"), client.types().subList(client.types().size() - 6, client.types().size()));

        responseId = done.at("/response/id").asText();
        byte[] echo = client.audioOf(responseId);
        assertArrayEquals(Arrays.copyOfRange(appended, 200 * 8, 2000 * 8), echo);
        assertArrayEquals(tone, Arrays.copyOfRange(echo, 300 * 8, 1300 * 8));
        assertServerEventsMatchTheSchema();
    }

    @Test
    void speechOverAnActiveResponseCancelsIt() throws Exception {
        client = connect(Map.of("Authorization", "Bearer sk-test"));
        client.send(SESSION_UPDATE);
        client.append(Audio.create().tone(2000).silence(600).bytes());
        JsonNode responseCreated = client.await("response.created");
        client.await("response.output_audio.delta");
        client.append(Audio.create().tone(300).bytes());

        client.await("input_audio_buffer.speech_started");
        JsonNode done = client.await("response.done");
        assertEquals(responseCreated.at("/response/id").asText(), done.at("/response/id").asText());
        assertEquals("cancelled", done.at("/response/status").asText());
        assertEquals("turn_detected", done.at("/response/status_details/reason").asText());
        assertTrue(client.drain(Duration.ofMillis(200)).stream()
                .noneMatch(event -> "response.output_audio.delta".equals(event.path("type").asText())));
        assertServerEventsMatchTheSchema();
    }

    @Test
    void responseCancelStopsTheActiveResponseAndIsAnErrorOtherwise() throws Exception {
        client = connect(Map.of("Authorization", "Bearer sk-test"));
        client.send(NO_VAD);
        client.await("session.updated");
        client.send("{\"type\":\"response.cancel\",\"event_id\":\"evt_1\"}");
        JsonNode notActive = client.await("error");
        assertEquals("response_cancel_not_active", notActive.at("/error/code").asText());
        assertEquals("evt_1", notActive.at("/error/event_id").asText());

        client.send("{\"type\":\"response.create\",\"response\":{\"instructions\":\"" + "x".repeat(100) + "\"}}");
        responseId = client.await("response.created").at("/response/id").asText();
        client.await("response.output_audio.delta");
        client.send("{\"type\":\"response.create\"}");
        assertEquals("conversation_already_has_active_response", client.await("error").at("/error/code").asText());
        client.send("{\"type\":\"response.cancel\"}");

        client.await("response.output_audio.done");
        client.await("response.output_audio_transcript.done");
        JsonNode done = client.await("response.done");
        assertEquals("cancelled", done.at("/response/status").asText());
        assertEquals("client_cancelled", done.at("/response/status_details/reason").asText());
        assertTrue(client.drain(Duration.ofMillis(200)).isEmpty());
        assertTrue(client.audioOf(responseId).length < 6000 * 8, "cancelled before the 6 s tone ended");
        assertServerEventsMatchTheSchema();
    }

    @Test
    void aGreetingSaysTheQuotedSentenceAndCanBeTruncatedOnlyWithinWhatWasSent() {
        client = connect(Map.of("Authorization", "Bearer sk-test"));
        client.send(NO_VAD);
        String instructions = "Greet the caller. Say exactly: \\\"Hello! Thanks for calling.\\\"";
        client.send("{\"type\":\"response.create\",\"response\":{\"instructions\":\"" + instructions + "\"}}");
        JsonNode transcriptDone = client.await("response.output_audio_transcript.done");
        JsonNode done = client.await("response.done");
        assertEquals("Hello! Thanks for calling.", transcriptDone.path("transcript").asText());
        assertEquals("completed", done.at("/response/status").asText());
        truncatedItem = done.at("/response/output/0/id").asText();
        byte[] audio = client.audioOf(done.at("/response/id").asText());
        sentMs = audio.length / 8;
        assertEquals(60 * "Hello! Thanks for calling.".length(), sentMs, "as long as the sentence it says");

        client.send(truncate(truncatedItem, sentMs + 1));
        JsonNode tooFar = client.await("error");
        assertEquals("invalid_value", tooFar.at("/error/code").asText());
        assertEquals("audio_end_ms", tooFar.at("/error/param").asText());
        client.send(truncate("item_unknown", 10));
        assertEquals("item_id", client.await("error").at("/error/param").asText());
        client.send(truncate(truncatedItem, sentMs / 2));
        JsonNode truncated = client.await("conversation.item.truncated");
        assertEquals(truncatedItem, truncated.path("item_id").asText());
        assertEquals(sentMs / 2, truncated.path("audio_end_ms").asInt());
        assertServerEventsMatchTheSchema();
    }

    @Test
    void manualCommitClearAndTypedItems() {
        client = connect(Map.of("Authorization", "Bearer sk-test"));
        client.send(NO_VAD);
        client.append(Audio.create().tone(50).bytes());
        client.send("{\"type\":\"input_audio_buffer.commit\"}");
        assertEquals("input_audio_buffer_commit_empty", client.await("error").at("/error/code").asText());
        byte[] spoken = Audio.create().tone(50).tone(250).bytes();
        client.append(Arrays.copyOfRange(spoken, 400, spoken.length));
        client.send("{\"type\":\"input_audio_buffer.commit\"}");
        String userItem = client.await("input_audio_buffer.committed").path("item_id").asText();
        assertEquals(userItem, client.await("conversation.item.done").at("/item/id").asText());
        client.send("{\"type\":\"input_audio_buffer.clear\"}");
        client.await("input_audio_buffer.cleared");

        client.send("{\"type\":\"response.create\"}");
        JsonNode done = client.await("response.done");
        assertArrayEquals(spoken, client.audioOf(done.at("/response/id").asText()));

        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"id\":\"item_typed\",\"type\":\"message\","
                + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hi there\"}]}}");
        JsonNode added = client.await("conversation.item.added");
        assertEquals("item_typed", added.at("/item/id").asText());
        assertEquals(done.at("/response/output/0/id").asText(), added.path("previous_item_id").asText());
        client.await("conversation.item.done");
        assertServerEventsMatchTheSchema();
    }

    /**
     * An out-of-band response ({@code conversation: none}) answers in text, carries its metadata back, adds nothing
     * to the conversation, and reads the conversation so far: its usage counts it, mostly cached.
     */
    @Test
    void anOutOfBandResponseAnswersInTextOutsideTheConversation() {
        client = connect(Map.of("Authorization", "Bearer sk-test"));
        client.send(NO_VAD);
        client.append(Audio.create().tone(1000).bytes());
        client.send("{\"type\":\"input_audio_buffer.commit\"}");
        client.send("{\"type\":\"response.create\"}");
        JsonNode answered = client.await("response.done");
        String lastItem = answered.at("/response/output/0/id").asText();

        String schema = """
                {"type":"object","properties":{"summary":{"type":"string"},"resolved":{"type":"boolean"},
                 "topic":{"enum":["billing","other"]}}}""";
        ObjectNode request = JSON.createObjectNode().put("type", "response.create");
        ObjectNode response = request.putObject("response").put("conversation", "none")
                .put("instructions", "Summarize the call. Answer as JSON matching " + schema)
                .put("tool_choice", "none");
        response.putArray("output_modalities").add("text");
        response.putObject("metadata").put("purpose", "summary");
        client.send(request.toString());
        JsonNode created = client.await("response.created");
        assertEquals("summary", created.at("/response/metadata/purpose").asText());
        String text = client.await("response.output_text.done").path("text").asText();
        JsonNode done = client.await("response.done");
        responseId = done.at("/response/id").asText();
        assertEquals("completed", done.at("/response/status").asText());
        assertEquals("summary", done.at("/response/metadata/purpose").asText());
        assertEquals("[\"text\"]", done.at("/response/output_modalities").toString());
        assertEquals(text, done.at("/response/output/0/content/0/text").asText());
        JsonNode answer = assertDoesNotThrow(() -> JSON.readTree(text));
        assertTrue(answer.path("summary").asText().contains("1 turn"), text);
        assertEquals(true, answer.path("resolved").asBoolean(false), text);
        assertEquals("billing", answer.path("topic").asText(), text);

        JsonNode before = answered.at("/response/usage");
        JsonNode usage = done.at("/response/usage");
        assertTrue(usage.path("input_tokens").asLong() >= before.path("input_tokens").asLong()
                + before.path("output_tokens").asLong(), "it read the answer too: " + usage);
        assertEquals(before.path("input_tokens").asLong(), usage.at("/input_token_details/cached_tokens").asLong(),
                "what the previous response read is cached: " + usage);
        assertTrue(usage.path("output_tokens").asLong() > 0, usage::toString);

        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Thanks\"}]}}");
        assertEquals(lastItem, client.await("conversation.item.added").path("previous_item_id").asText(),
                "the out-of-band answer is not in the conversation");
        String outOfBandItem = done.at("/response/output/0/id").asText();
        assertFalse(client.received().stream().anyMatch(e -> e.path("type").asText().startsWith("conversation.item.")
                && outOfBandItem.equals(e.at("/item/id").asText())), "no conversation event names the answer");
        assertServerEventsMatchTheSchema();
    }

    @Test
    void badEventsGetErrorEventsAndTheSessionCarriesOn() {
        client = connect(Map.of("Authorization", "Bearer sk-test"));
        client.send("{not json");
        assertEquals("invalid_request_error", client.await("error").at("/error/type").asText());
        client.send("{\"type\":\"session.upgrade\"}");
        assertEquals("type", client.await("error").at("/error/param").asText());
        client.send("{\"type\":\"session.update\",\"session\":{\"audio\":{}}}");
        assertEquals("session.type", client.await("error").at("/error/param").asText());
        client.send(SESSION_UPDATE.replace("\"audio/pcmu\"},\n", "\"audio/pcm\",\"rate\":24000},\n"));
        JsonNode wrongFormat = client.await("error");
        assertEquals("invalid_value", wrongFormat.at("/error/code").asText());
        assertEquals("session.audio.input.format", wrongFormat.at("/error/param").asText());

        client.send(SESSION_UPDATE);
        assertEquals("audio/pcmu", client.await("session.updated").at("/session/audio/input/format/type").asText());
        assertServerEventsMatchTheSchema();
    }

    @Test
    void theBetaHeaderIsRefusedWithAnErrorAndClose4000() {
        client = connect(Map.of("Authorization", "Bearer sk-test", "OpenAI-Beta", "realtime=v1"));
        assertEquals("beta_api_shape_disabled", client.await("error").at("/error/code").asText());
        assertEquals(4000, client.awaitClose());
        assertFalse(client.types().contains("session.created"));
        client = null;
    }

    @Test
    void anUpgradeWithoutBearerTokenIsRefusedWith401() {
        CompletionException refused = assertThrows(CompletionException.class, () -> connect(Map.of()));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class,
                refused.getCause());
        assertEquals(401, handshake.getResponse().statusCode());
    }

    RealtimeTestClient connect(Map<String, String> headers) {
        return RealtimeTestClient.connect(URI.create(endpoint.toString().replaceFirst("^http", "ws")
                + "?model=gpt-realtime"), headers);
    }

    static String truncate(String itemId, int audioEndMs) {
        return "{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + itemId
                + "\",\"content_index\":0,\"audio_end_ms\":" + audioEndMs + "}";
    }

    /** Every event the emulator sent matches OpenAI's published schema for its type. */
    void assertServerEventsMatchTheSchema() {
        client.assertServerEventsMatchTheSchema();
    }
}
