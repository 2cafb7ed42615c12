package dev.aivoicebot.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.bench.tag.AnswerAudioChecker;
import dev.aivoicebot.bench.tag.FrameTag;
import dev.aivoicebot.bench.tag.TaggedPayloads;
import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.TwilioMessages;
import io.vertx.core.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * One benchmark call's Media Stream, as Twilio plays it, kept lean: caller frames carry tags, answer frames'
 * tags are checked as they arrive, {@code mark}s are echoed when the audio before them has played (a
 * real-time playout model), {@code clear} drops what is buffered. Runs on its {@link PacingShard}'s event
 * loop only, so nothing here is locked.
 */
final class TaggedCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Send times of the latest caller frames, by frame number, to time answers from the end of the turn. */
    private static final int SENT_RING = 1024;

    final int index;
    private final CallIdentity identity;
    private final CallerCycle cycle;
    private final GeneratorStats stats;
    private final long thinkNanos;
    private final long[] sentAt = new long[SENT_RING];
    private final AnswerAudioChecker answers = new AnswerAudioChecker();
    private final ArrayDeque<PendingMark> marks = new ArrayDeque<>();
    private final StringBuilder message = new StringBuilder(400);
    private WebSocket ws;
    private long startSentNanos;
    private int framesSent;
    private long twilioSeq;
    private long playoutEndNanos;
    private int burstFirstFrame = -1;
    private boolean clearTimedThisBurst;
    private long badTags;
    private long foreignFrames;
    private long clears;
    private long marksEchoed;
    private long framesSkipped;
    private boolean hungUp;
    private boolean dropped;

    private record PendingMark(String name, long dueNanos) {
    }

    TaggedCall(int index, CallIdentity identity, GeneratorStats stats, long thinkMs) {
        this.index = index;
        this.identity = identity;
        this.cycle = new CallerCycle(index);
        this.stats = stats;
        this.thinkNanos = thinkMs * 1_000_000;
    }

    /** The stream is open: Twilio's {@code connected} and {@code start}; frames follow from the pacing clock. */
    void opened(WebSocket socket, Map<String, String> customParameters) {
        this.ws = socket;
        ws.textMessageHandler(this::onText);
        ws.closeHandler(v -> dropped |= !hungUp);
        ws.exceptionHandler(e -> dropped |= !hungUp);
        send(TwilioMessages.Connected.create());
        send(TwilioMessages.Start.create(++twilioSeq, identity, customParameters));
        startSentNanos = System.nanoTime();
    }

    boolean live() {
        return ws != null && !hungUp && !dropped;
    }

    /** One 20 ms tick of this call: its next caller frame, and any mark whose audio has now played. */
    void tick(long now) {
        if (!live()) {
            return;
        }
        while (!marks.isEmpty() && marks.peekFirst().dueNanos() <= now) {
            echo(marks.removeFirst().name());
        }
        if (ws.writeQueueFull()) {
            // The service is not reading: skip this tick (the frame number is not used, so the fake sees no gap)
            // rather than pile frames up in the generator's heap until its GC stalls every other call.
            framesSkipped++;
            return;
        }
        boolean speech = cycle.speech(framesSent);
        if (speech && burstFirstFrame < 0) {
            burstFirstFrame = framesSent;
            clearTimedThisBurst = false;
        } else if (!speech) {
            burstFirstFrame = -1;
        }
        long sent = System.nanoTime();
        String payload = TaggedPayloads.frame(new FrameTag(speech ? FrameTag.SPEECH : 0, index, framesSent, sent,
                0, 0, 0));
        // Built by hand, 50 times a second per call, to keep the generator cheap; the same fields in the same
        // order as TwilioMessages.Media, which the other messages here are serialized from.
        message.setLength(0);
        message.append("{\"event\":\"media\",\"sequenceNumber\":\"").append(++twilioSeq)
                .append("\",\"streamSid\":\"").append(identity.streamSid())
                .append("\",\"media\":{\"track\":\"inbound\",\"chunk\":\"").append(framesSent + 1)
                .append("\",\"timestamp\":\"").append(framesSent * 20L)
                .append("\",\"payload\":\"").append(payload).append("\"}}");
        ws.writeTextMessage(message.toString());
        sentAt[framesSent % SENT_RING] = sent;
        framesSent++;
    }

    private void onText(String text) {
        long now = System.nanoTime();
        String event = field(text, "\"event\":\"");
        if (event == null) {
            return;
        }
        switch (event) {
            case "media" -> media(field(text, "\"payload\":\""), now);
            case "mark" -> {
                String name = field(text, "\"name\":\"");
                if (playoutEndNanos <= now) {
                    echo(name); // nothing left to play: Twilio echoes at once
                } else {
                    marks.addLast(new PendingMark(name, playoutEndNanos));
                }
            }
            case "clear" -> clear(now);
            default -> {
            }
        }
    }

    private void media(String payload, long now) {
        byte[] audio = payload == null ? null : TaggedPayloads.decode(payload);
        if (audio == null || audio.length % FrameTag.FRAME_BYTES != 0) {
            badTags++;
            return;
        }
        for (int at = 0; at < audio.length; at += FrameTag.FRAME_BYTES) {
            FrameTag tag = FrameTag.readFrom(audio, at);
            if (tag == null) {
                badTags++;
                continue;
            }
            if (tag.callIndex() >= 0 && tag.callIndex() != index) {
                foreignFrames++; // another call's answer in this stream
                continue;
            }
            stats.returnMicros.recordValue(GeneratorStats.micros(now - tag.sentNanos()));
            if (answers.accept(tag)) {
                answerStarted(tag, now);
            }
        }
        playoutEndNanos = Math.max(playoutEndNanos, now) + audio.length * 125_000L; // 8 bytes a millisecond
    }

    private void answerStarted(FrameTag tag, long now) {
        if (tag.cause() == FrameTag.GREETING) {
            stats.greetingMicros.recordValue(GeneratorStats.micros(now - startSentNanos - thinkNanos));
        } else if (tag.cause() >= 0 && framesSent - tag.cause() < SENT_RING && tag.cause() < framesSent) {
            stats.responseMicros.recordValue(GeneratorStats.micros(now - sentAt[tag.cause() % SENT_RING] - thinkNanos));
        }
    }

    private void clear(long now) {
        clears++;
        answers.clear();
        while (!marks.isEmpty()) {
            echo(marks.removeFirst().name());
        }
        playoutEndNanos = now;
        if (burstFirstFrame >= 0 && !clearTimedThisBurst && framesSent - burstFirstFrame < SENT_RING) {
            clearTimedThisBurst = true;
            stats.clearMicros.recordValue(GeneratorStats.micros(now - sentAt[burstFirstFrame % SENT_RING]));
        }
    }

    private void echo(String name) {
        marksEchoed++;
        send(TwilioMessages.Mark.create(++twilioSeq, identity.streamSid(), name));
    }

    private void send(Object twilioMessage) {
        try {
            ws.writeTextMessage(JSON.writeValueAsString(twilioMessage));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller hangs up: {@code stop}, then a normal close. */
    void hangUp() {
        if (!live()) {
            return;
        }
        hungUp = true;
        send(TwilioMessages.Stop.create(++twilioSeq, identity));
        ws.close((short) 1000);
    }

    /** Counters so far; {@code settle} first closes the answer in progress (window end). */
    CallCounts counts(boolean settle) {
        if (settle) {
            answers.settle();
        }
        return new CallCounts(framesSent, answers.received(), answers.lost(), answers.duplicated(),
                answers.reordered(), answers.afterClear(), badTags, foreignFrames, clears, marksEchoed,
                dropped ? 1 : 0, framesSkipped);
    }

    /** The value of the JSON string field that follows {@code key}; enough for the service's hand-built messages. */
    private static String field(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        int end = text.indexOf('"', from);
        return end < 0 ? null : text.substring(from, end);
    }
}
