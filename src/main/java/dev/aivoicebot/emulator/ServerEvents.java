package dev.aivoicebot.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Payloads of the server events the emulator sends. {@link SessionConnection#send} adds {@code type} and
 * {@code event_id} and writes the components in snake_case, so names here mirror the protocol's.
 * Fields the real service sends as explicit nulls are marked {@code ALWAYS}; other nulls are left out.
 * Registered for reflection (nested records included) because Jackson reads their components reflectively,
 * and no endpoint signature names them for the native build to find.
 */
@RegisterForReflection
final class ServerEvents {

    private ServerEvents() {
    }

    record SessionPayload(JsonNode session) {
    }

    record ErrorPayload(ErrorBody error) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ErrorBody(String type, String code, String message, String param, String eventId) {
    }

    record SpeechStarted(long audioStartMs, String itemId) {
    }

    record SpeechStopped(long audioEndMs, String itemId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Committed(String previousItemId, String itemId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ItemPayload(String previousItemId, JsonNode item) {
    }

    record ItemRef(String itemId) {
    }

    record TranscriptionCompleted(String itemId, int contentIndex, String transcript, DurationUsage usage) {
    }

    record DurationUsage(String type, double seconds) {
    }

    record Truncated(String itemId, int contentIndex, long audioEndMs) {
    }

    record ResponsePayload(JsonNode response) {
    }

    record OutputItemPayload(String responseId, int outputIndex, JsonNode item) {
    }

    record ContentPart(String responseId, String itemId, int outputIndex, int contentIndex, Part part) {
    }

    /** Content part as the schema names it ({@code audio}), unlike the item content ({@code output_audio}). */
    record Part(String type, String transcript) {
    }

    record TextContentPart(String responseId, String itemId, int outputIndex, int contentIndex, TextPart part) {
    }

    /** A text content part ({@code text}), as an out-of-band text response has. */
    record TextPart(String type, String text) {
    }

    record TextDelta(String responseId, String itemId, int outputIndex, int contentIndex, String delta) {
    }

    record TextDone(String responseId, String itemId, int outputIndex, int contentIndex, String text) {
    }

    record AudioDelta(String responseId, String itemId, int outputIndex, int contentIndex, String delta) {
    }

    record AudioDone(String responseId, String itemId, int outputIndex, int contentIndex) {
    }

    record TranscriptDelta(String responseId, String itemId, int outputIndex, int contentIndex, String delta) {
    }

    record TranscriptDone(String responseId, String itemId, int outputIndex, int contentIndex, String transcript) {
    }

    record FunctionCallArgumentsDelta(String responseId, String itemId, int outputIndex, String callId, String delta) {
    }

    record FunctionCallArgumentsDone(String responseId, String itemId, int outputIndex, String callId, String name,
            String arguments) {
    }

    record McpCallArgumentsDelta(String responseId, String itemId, int outputIndex, String delta) {
    }

    record McpCallArgumentsDone(String responseId, String itemId, int outputIndex, String arguments) {
    }

    /** {@code response.mcp_call.in_progress} and {@code .completed}. */
    record McpCallProgress(int outputIndex, String itemId) {
    }
}
