package dev.aivoicebot.openai;

/**
 * The server events a phone call cares about, already parsed. Names follow the protocol's event names so
 * the implementation can be read side by side with OpenAI's reference.
 */
public interface RealtimeEventHandler {

    /** {@code session.updated}: our configuration is in effect. */
    void sessionUpdated();

    /** {@code input_audio_buffer.speech_started}: the caller started talking (barge-in point). */
    void speechStarted(String itemId);

    /** {@code input_audio_buffer.speech_stopped}: the caller stopped talking; a response usually follows. */
    void speechStopped(String itemId);

    /** {@code conversation.item.input_audio_transcription.completed}. */
    void inputTranscriptionCompleted(String itemId, String transcript);

    /** {@code response.created}. */
    void responseCreated(String responseId);

    /** {@code response.output_audio.delta}: base64 μ-law, passed on untouched. */
    void outputAudioDelta(String responseId, String itemId, String delta);

    /** {@code response.output_audio_transcript.done}. */
    void outputAudioTranscriptDone(String responseId, String itemId, String transcript);

    /** {@code response.done} with its status (completed, cancelled, failed, incomplete). */
    void responseDone(String responseId, String status);

    /** {@code response.done}'s usage, reported before the response's end (in-band or out-of-band). */
    void usage(TokenUsage usage);

    /** {@code response.done} of an out-of-band response ({@code conversation: none}) we asked for. */
    void outOfBandDone(OutOfBandResult result);

    /** {@code response.output_item.done} with a whole {@code function_call} item: the model asks for a tool. */
    void functionCall(FunctionCall call);

    /** An MCP server run by OpenAI listed its tools, ran one, or asks for approval to run one. */
    void mcp(McpEvent event);

    /** {@code error}. */
    void error(RealtimeError error);

    /** The upstream socket closed (by either side) or failed; called once. */
    void upstreamClosed(int code, String reason);
}
