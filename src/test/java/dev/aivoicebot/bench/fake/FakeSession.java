package dev.aivoicebot.bench.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.bench.tag.FrameTag;
import dev.aivoicebot.bench.tag.SequenceChecker;
import dev.aivoicebot.bench.tag.TaggedPayloads;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Realtime session as the GA server runs it, minus the model: turns are detected from the speech flag in
 * each caller frame's tag (no energy VAD), answers are tagged frames of line silence streamed in real time.
 * With tools on, a turn is answered by a function call instead, and the {@code response.create} that follows
 * its output by the audio answer. Everything runs on the connection's event loop, so the state needs no lock.
 */
final class FakeSession {

    /** How the bridge writes every append (RealtimeConnection.appendAudio); anything else is parsed as JSON. */
    private static final String APPEND = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"";
    private static final int FRAME_CHARS = 216;

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final FakeOptions options;
    private final FakeStats stats;
    private final String model;
    private final String sessionId = Ids.of("sess");
    private final FakeToolCalls toolCalls;
    /** Audio sent per answer item, to check truncates as the server does; a few recent items suffice. */
    private final Map<String, Long> itemMsSent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 8;
        }
    };

    private int callIndex = -1;
    private SequenceChecker inbound;
    private long audioMs;
    private int silenceMs;
    private boolean inSpeech;
    private int silenceRunMs;
    private String speechItemId;
    private String lastCommittedItemId;
    private int turns;
    private int outSeq;
    private int responses;
    private FakeResponse active;
    private long pendingStart = -1;
    private boolean closed;
    private final long acceptedNanos = System.nanoTime();
    private boolean setupTimed;
    private boolean greeted;

    FakeSession(Vertx vertx, ServerWebSocket ws, FakeOptions options, FakeStats stats, String model) {
        this.vertx = vertx;
        this.ws = ws;
        this.options = options;
        this.stats = stats;
        this.model = model;
        this.silenceMs = options.silenceMs();
        this.toolCalls = new FakeToolCalls(stats);
    }

    void start() {
        stats.count("sessions");
        ws.textMessageHandler(this::onText);
        ws.closeHandler(v -> {
            closed = true;
            stopTimers();
            toolCalls.close();
        });
        ObjectNode created = ServerEvents.event("session.created");
        created.set("session", ServerEvents.session(sessionId, model, null));
        send(created);
    }

    private void onText(String text) {
        if (text.startsWith(APPEND)) {
            int end = text.indexOf('"', APPEND.length());
            append(text, APPEND.length(), end - APPEND.length());
            return;
        }
        JsonNode event;
        try {
            event = ServerEvents.JSON.readTree(text);
        } catch (Exception e) {
            stats.count("unparseable_events");
            send(ServerEvents.error("invalid_request_error", "invalid_json", "not JSON", null));
            return;
        }
        String clientEventId = event.path("event_id").asText(null);
        switch (event.path("type").asText("")) {
            case "input_audio_buffer.append" -> {
                String audio = event.path("audio").asText("");
                append(audio, 0, audio.length());
            }
            case "session.update" -> sessionUpdate(event.path("session"));
            case "response.create" -> responseCreate(clientEventId);
            case "response.cancel" -> responseCancel(clientEventId);
            case "conversation.item.truncate" -> truncate(event, clientEventId);
            case "conversation.item.create" -> {
                stats.count("items_created");
                JsonNode item = event.path("item");
                if ("function_call_output".equals(item.path("type").asText())) {
                    toolCalls.output(item.path("call_id").asText(null));
                }
                ObjectNode added = ServerEvents.event("conversation.item.added");
                added.putNull("previous_item_id");
                added.set("item", event.path("item"));
                send(added);
            }
            default -> {
                stats.count("unknown_events");
                send(ServerEvents.error("invalid_request_error", "unknown_event",
                        "the fake does not handle " + event.path("type").asText(), clientEventId));
            }
        }
    }

    // ---- caller audio and turns ---------------------------------------------------------------------

    private void append(String text, int from, int length) {
        long now = System.nanoTime();
        stats.count("appends");
        FrameTag tag = length == FRAME_CHARS ? TaggedPayloads.headTag(text, from) : null;
        if (tag == null) {
            stats.count("bad_frames"); // not one tagged 160-byte frame: the bridge altered or split it
            audioMs += length * 3L / 4 / 8;
            return;
        }
        audioMs += 20;
        if (inbound == null) {
            callIndex = tag.callIndex();
            inbound = stats.inbound.computeIfAbsent(callIndex, i -> new SequenceChecker(0));
        } else if (tag.callIndex() != callIndex) {
            stats.count("foreign_frames"); // another call's audio in this session
            return;
        }
        synchronized (inbound) {
            inbound.accept(tag.seq());
        }
        stats.forwardMicros.recordValue(FakeStats.micros(now - tag.sentNanos()));
        turnDetection(tag, now);
    }

    private void turnDetection(FrameTag tag, long now) {
        if (tag.speech()) {
            silenceRunMs = 0;
            if (!inSpeech) {
                inSpeech = true;
                speechStarted();
            }
        } else if (inSpeech) {
            silenceRunMs += 20;
            if (silenceRunMs >= silenceMs) {
                inSpeech = false;
                turnEnded(tag.seq(), now);
            }
        }
    }

    /** server_vad with interrupt_response: speech cancels whatever answer is in progress or about to start. */
    private void speechStarted() {
        stats.count("speech_started");
        speechItemId = Ids.of("item");
        ObjectNode started = ServerEvents.event("input_audio_buffer.speech_started");
        started.put("audio_start_ms", Math.max(0, audioMs - 20));
        started.put("item_id", speechItemId);
        send(started);
        if (active != null) {
            stats.count("barge_ins");
            cancelActive("turn_detected");
        } else if (pendingStart >= 0) {
            vertx.cancelTimer(pendingStart);
            pendingStart = -1;
        }
    }

    private void turnEnded(int causeSeq, long now) {
        stats.count("turns");
        turns++;
        ObjectNode stopped = ServerEvents.event("input_audio_buffer.speech_stopped");
        stopped.put("audio_end_ms", audioMs - silenceRunMs);
        stopped.put("item_id", speechItemId);
        send(stopped);
        ObjectNode committed = ServerEvents.event("input_audio_buffer.committed");
        if (lastCommittedItemId == null) {
            committed.putNull("previous_item_id");
        } else {
            committed.put("previous_item_id", lastCommittedItemId);
        }
        committed.put("item_id", speechItemId);
        send(committed);
        lastCommittedItemId = speechItemId;
        ObjectNode transcribed = ServerEvents.event("conversation.item.input_audio_transcription.completed");
        transcribed.put("item_id", speechItemId);
        transcribed.put("content_index", 0);
        transcribed.put("transcript", "Caller turn " + turns + ".");
        send(transcribed);
        if (active != null) {
            // Only with tools: an answer asked for (a filler, a tool's result) after this turn's speech began.
            // Its speech would have cancelled it, had it started before; the turn's own answer replaces it.
            stats.count("responses_cancelled_at_turn_end");
            cancelActive("turn_detected");
        }
        scheduleResponse(causeSeq, now);
    }

    // ---- answers ------------------------------------------------------------------------------------

    private void responseCreate(String clientEventId) {
        stats.count("response_creates");
        if (!setupTimed) {
            setupTimed = true;
            stats.setupMicros.recordValue(FakeStats.micros(System.nanoTime() - acceptedNanos));
        }
        if (active != null || pendingStart >= 0) {
            send(ServerEvents.error("invalid_request_error", "conversation_already_has_active_response",
                    "Conversation already has an active response in progress", clientEventId));
            return;
        }
        int cause = toolCalls.answerRequested() || greeted ? FrameTag.UNTIMED : FrameTag.GREETING;
        greeted = true;
        scheduleResponse(cause, System.nanoTime());
    }

    private void scheduleResponse(int cause, long triggeredNanos) {
        if (options.thinkMs() <= 0) {
            answer(cause, triggeredNanos);
        } else {
            pendingStart = vertx.setTimer(options.thinkMs(), id -> {
                pendingStart = -1;
                answer(cause, triggeredNanos);
            });
        }
    }

    private void answer(int cause, long triggeredNanos) {
        if (options.tools() && cause >= 0) {
            callTool(triggeredNanos);
        } else {
            startResponse(cause, triggeredNanos);
        }
    }

    /** A turn's answer with tools on: a response that is one whole call of the tool, sent at once. */
    private void callTool(long triggeredNanos) {
        if (closed) {
            return;
        }
        String responseId = Ids.of("resp");
        String itemId = Ids.of("item");
        String callId = toolCalls.call();
        ObjectNode created = ServerEvents.event("response.created");
        created.set("response", ServerEvents.response(responseId, "in_progress"));
        send(created);
        ObjectNode added = ServerEvents.event("response.output_item.added");
        added.put("response_id", responseId);
        added.put("output_index", 0);
        added.set("item", ServerEvents.functionCall(itemId, callId, FakeOptions.TOOL_NAME, "", "in_progress"));
        send(added);
        ObjectNode arguments = ServerEvents.event("response.function_call_arguments.done");
        arguments.put("response_id", responseId);
        arguments.put("item_id", itemId);
        arguments.put("output_index", 0);
        arguments.put("call_id", callId);
        arguments.put("name", FakeOptions.TOOL_NAME);
        arguments.put("arguments", "{}");
        send(arguments);
        ObjectNode item = ServerEvents.functionCall(itemId, callId, FakeOptions.TOOL_NAME, "{}", "completed");
        ObjectNode itemDone = ServerEvents.event("response.output_item.done");
        itemDone.put("response_id", responseId);
        itemDone.put("output_index", 0);
        itemDone.set("item", item);
        send(itemDone);
        ObjectNode done = ServerEvents.event("response.done");
        ObjectNode response = ServerEvents.response(responseId, "completed");
        ((ArrayNode) response.get("output")).add(item);
        done.set("response", response);
        send(done);
        stats.turnMicros.recordValue(FakeStats.micros(System.nanoTime() - triggeredNanos));
    }

    private void startResponse(int cause, long triggeredNanos) {
        if (closed) {
            return;
        }
        stats.count("responses");
        active = new FakeResponse(++responses, cause, System.nanoTime());
        ObjectNode created = ServerEvents.event("response.created");
        created.set("response", ServerEvents.response(active.id, "in_progress"));
        send(created);
        ObjectNode added = ServerEvents.event("response.output_item.added");
        added.put("response_id", active.id);
        added.put("output_index", 0);
        added.set("item", ServerEvents.item(active.itemId, "assistant", "in_progress"));
        send(added);
        if (cause == FrameTag.GREETING) {
            stats.greetingMicros.recordValue(FakeStats.micros(System.nanoTime() - triggeredNanos));
        } else if (cause >= 0) {
            stats.turnMicros.recordValue(FakeStats.micros(System.nanoTime() - triggeredNanos));
        }
        sendDelta(active);
    }

    /** One delta now; the next one at the answer's start + n × deltaMs, so timer delays do not add up. */
    private void sendDelta(FakeResponse response) {
        if (closed || response != active) {
            return;
        }
        int total = options.framesPerAnswer();
        int count = Math.min(options.framesPerDelta(), total - response.framesSent);
        FrameTag[] tags = new FrameTag[count];
        long now = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = response.framesSent + i;
            tags[i] = new FrameTag(index == total - 1 ? FrameTag.LAST : 0, callIndex, outSeq++, now, response.ordinal,
                    index, response.cause);
        }
        ws.writeTextMessage(ServerEvents.audioDelta(response.id, response.itemId, TaggedPayloads.frames(tags, count)));
        response.framesSent += count;
        stats.count("answer_frames_sent", count);
        itemMsSent.put(response.itemId, response.framesSent * 20L);
        if (response.framesSent == total) {
            finishCompleted(response);
            return;
        }
        long dueNanos = response.startNanos + (response.framesSent / options.framesPerDelta()) * options.deltaMs() * 1_000_000;
        long delayMs = Math.max(1, (dueNanos - System.nanoTime() + 999_999) / 1_000_000);
        response.timer = vertx.setTimer(delayMs, id -> sendDelta(response));
    }

    private void finishCompleted(FakeResponse response) {
        stats.count("responses_completed");
        ObjectNode audioDone = ServerEvents.event("response.output_audio.done");
        contentRef(audioDone, response);
        send(audioDone);
        ObjectNode transcriptDone = ServerEvents.event("response.output_audio_transcript.done");
        contentRef(transcriptDone, response);
        transcriptDone.put("transcript", "Answer number " + response.ordinal + ".");
        send(transcriptDone);
        finish(response, "completed", null);
        ObjectNode limits = ServerEvents.event("rate_limits.updated");
        ObjectNode tokens = limits.putArray("rate_limits").addObject();
        tokens.put("name", "tokens");
        tokens.put("limit", 40000);
        tokens.put("remaining", 39000);
        tokens.put("reset_seconds", 1.5);
        send(limits);
    }

    private void cancelActive(String reason) {
        stats.count("responses_cancelled");
        vertx.cancelTimer(active.timer);
        finish(active, "cancelled", reason);
    }

    private void finish(FakeResponse response, String status, String reason) {
        ObjectNode itemDone = ServerEvents.event("response.output_item.done");
        itemDone.put("response_id", response.id);
        itemDone.put("output_index", 0);
        itemDone.set("item", ServerEvents.item(response.itemId, "assistant", reason == null ? "completed" : "incomplete"));
        send(itemDone);
        ObjectNode done = ServerEvents.event("response.done");
        ObjectNode body = ServerEvents.response(response.id, status);
        if (reason != null) {
            body.putObject("status_details").put("type", "cancelled").put("reason", reason);
        }
        done.set("response", body);
        send(done);
        active = null;
    }

    private void responseCancel(String clientEventId) {
        if (active != null) {
            stats.count("cancels");
            cancelActive("client_cancelled");
        } else if (pendingStart >= 0) {
            stats.count("cancels");
            vertx.cancelTimer(pendingStart);
            pendingStart = -1;
        } else {
            // What the GA server answers when the response was already cancelled by the caller's speech.
            stats.count("cancel_not_active");
            send(ServerEvents.error("invalid_request_error", "response_cancel_not_active",
                    "Cancellation failed: no active response found", clientEventId));
        }
    }

    private void truncate(JsonNode event, String clientEventId) {
        String itemId = event.path("item_id").asText(null);
        long audioEndMs = event.path("audio_end_ms").asLong(-1);
        Long sent = itemId == null ? null : itemMsSent.get(itemId);
        if (sent == null || audioEndMs < 0 || audioEndMs > sent) {
            stats.count("truncate_errors");
            send(ServerEvents.error("invalid_request_error", "invalid_value", sent == null
                    ? "item " + itemId + " not found" : "audio_end_ms " + audioEndMs + " is beyond the "
                    + sent + " ms of audio of item " + itemId, clientEventId));
            return;
        }
        stats.count("truncates");
        ObjectNode truncated = ServerEvents.event("conversation.item.truncated");
        truncated.put("item_id", itemId);
        truncated.put("content_index", event.path("content_index").asInt(0));
        truncated.put("audio_end_ms", audioEndMs);
        send(truncated);
    }

    private void sessionUpdate(JsonNode session) {
        stats.count("session_updates");
        JsonNode silence = session.path("audio").path("input").path("turn_detection").path("silence_duration_ms");
        if (silence.isInt()) {
            silenceMs = silence.asInt();
        }
        ObjectNode updated = ServerEvents.event("session.updated");
        updated.set("session", ServerEvents.session(sessionId, model,
                session.isObject() ? (ObjectNode) session : null));
        send(updated);
    }

    private static void contentRef(ObjectNode event, FakeResponse response) {
        event.put("response_id", response.id);
        event.put("item_id", response.itemId);
        event.put("output_index", 0);
        event.put("content_index", 0);
    }

    private void stopTimers() {
        if (active != null) {
            vertx.cancelTimer(active.timer);
            active = null;
        }
        if (pendingStart >= 0) {
            vertx.cancelTimer(pendingStart);
        }
    }

    private void send(ObjectNode event) {
        if (!closed) {
            ws.writeTextMessage(event.toString());
        }
    }
}
