package dev.aivoicebot.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.metrics.FrameMeter;
import java.io.IOException;
import org.jboss.logging.Logger;

/** Turns Realtime server event JSON into calls on a {@link RealtimeEventHandler}; unknown events are ignored. */
public final class RealtimeEventDispatcher {

    private static final Logger LOG = Logger.getLogger(RealtimeEventDispatcher.class);

    private final ObjectMapper json;
    private final AudioDeltaReader audioDeltas;
    private final FrameMeter audioFrames;

    /** {@code audioFrames} times the handling of audio deltas, parse included (the bridge's outbound overhead). */
    public RealtimeEventDispatcher(ObjectMapper json, FrameMeter audioFrames) {
        this.json = json;
        this.audioDeltas = new AudioDeltaReader(json.getFactory());
        this.audioFrames = audioFrames;
    }

    public void dispatch(String text, RealtimeEventHandler handler) {
        long received = audioFrames.receivedAt();
        AudioDeltaReader.AudioDelta audio = audioDeltas.read(text);
        if (audio != null) {
            handler.outputAudioDelta(audio.responseId(), audio.itemId(), audio.delta());
            audioFrames.forwarded(received);
            return;
        }
        JsonNode event;
        try {
            event = json.readTree(text);
        } catch (IOException e) {
            LOG.warn("Ignoring a Realtime server message that is not JSON");
            return;
        }
        if (event == null || !event.isObject()) {
            return;
        }
        switch (event.path("type").asText("")) {
            case AudioDeltaReader.TYPE -> handler.outputAudioDelta(text(event, "response_id"), text(event, "item_id"),
                    text(event, "delta")); // a delta the fast reader declined (e.g. a non-string field) is read leniently here
            case "input_audio_buffer.speech_started" -> handler.speechStarted(text(event, "item_id"));
            case "input_audio_buffer.speech_stopped" -> handler.speechStopped(text(event, "item_id"));
            case "conversation.item.input_audio_transcription.completed" -> handler.inputTranscriptionCompleted(
                    text(event, "item_id"), text(event, "transcript"));
            case "response.created" -> {
                if (purpose(event.path("response")) == null) { // an out-of-band response is followed to its end only
                    handler.responseCreated(text(event.path("response"), "id"));
                }
            }
            case "response.output_audio_transcript.done" -> handler.outputAudioTranscriptDone(
                    text(event, "response_id"), text(event, "item_id"), text(event, "transcript"));
            case "response.done" -> responseDone(event.path("response"), handler);
            case "session.updated" -> handler.sessionUpdated();
            case "response.output_item.done" -> outputItemDone(text(event, "response_id"), event.path("item"), handler);
            case "mcp_list_tools.completed" -> handler.mcp(new McpEvent(McpEvent.Kind.LIST_TOOLS,
                    text(event, "item_id"), null, null, null));
            case "mcp_list_tools.failed" -> handler.mcp(new McpEvent(McpEvent.Kind.LIST_TOOLS,
                    text(event, "item_id"), null, null, "listing the tools failed"));
            case "error" -> {
                JsonNode error = event.path("error");
                handler.error(new RealtimeError(text(error, "type"), text(error, "code"), text(error, "message"),
                        text(error, "param"), text(error, "event_id")));
            }
            default -> {
                // Deltas of transcripts, item bookkeeping, rate limits: nothing a phone call needs.
            }
        }
    }

    /**
     * Usage first, so a call's cost includes a response before anything acts on its end. An out-of-band response
     * (ours carry a {@code metadata.purpose}) is reported apart with its text: it is not part of the conversation.
     */
    private static void responseDone(JsonNode response, RealtimeEventHandler handler) {
        JsonNode usage = response.path("usage");
        if (usage.isObject()) {
            handler.usage(TokenUsage.of(usage));
        }
        String purpose = purpose(response);
        if (purpose != null) {
            handler.outOfBandDone(new OutOfBandResult(purpose, text(response, "status"), outputText(response)));
        } else {
            handler.responseDone(text(response, "id"), text(response, "status"));
        }
    }

    private static String purpose(JsonNode response) {
        JsonNode purpose = response.path("metadata").path("purpose");
        return purpose.isTextual() ? purpose.asText() : null;
    }

    /** The {@code output_text} of the response's messages, joined. */
    private static String outputText(JsonNode response) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : response.path("output")) {
            if ("message".equals(item.path("type").asText())) {
                for (JsonNode part : item.path("content")) {
                    if ("output_text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                        text.append(part.path("text").asText());
                    }
                }
            }
        }
        return text.toString();
    }

    /** The items a call acts on; messages are followed through their own events. */
    private static void outputItemDone(String responseId, JsonNode item, RealtimeEventHandler handler) {
        switch (item.path("type").asText("")) {
            case "function_call" -> {
                if ("completed".equals(text(item, "status"))) { // an incomplete call was dropped: no output for it
                    handler.functionCall(new FunctionCall(responseId, text(item, "call_id"), text(item, "name"),
                            text(item, "arguments")));
                }
            }
            case "mcp_call" -> handler.mcp(new McpEvent(McpEvent.Kind.CALL, text(item, "id"),
                    text(item, "server_label"), text(item, "name"), mcpError(item.path("error"))));
            case "mcp_approval_request" -> handler.mcp(new McpEvent(McpEvent.Kind.APPROVAL_REQUEST, text(item, "id"),
                    text(item, "server_label"), text(item, "name"), null));
            default -> {
            }
        }
    }

    private static String mcpError(JsonNode error) {
        if (error.isMissingNode() || error.isNull()) {
            return null;
        }
        String message = text(error, "message");
        return message != null ? message : error.path("type").asText("error");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
