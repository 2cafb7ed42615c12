package dev.aivoicebot.sim;

import dev.aivoicebot.sim.CallRecording.ClearRecord;
import dev.aivoicebot.sim.CallRecording.CloseRecord;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallRecording.MarkEcho;
import dev.aivoicebot.sim.CallRecording.MediaAfterClear;
import dev.aivoicebot.sim.CallRecording.ReceivedAudio;
import dev.aivoicebot.sim.CallRecording.ReceivedEvent;
import dev.aivoicebot.sim.CallRecording.StreamSidMismatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One phone call in progress, as Twilio sees it: the caller's audio going out in real time, the
 * service's audio being "played", and a recording of everything for assertions. Created by
 * {@link TwilioCallSimulator#placeCall}. Times in the recording count from when the stream opened.
 */
public final class SimulatedCall implements AutoCloseable {

    /** How long to wait for the service to answer our close before dropping the connection. */
    private static final Duration CLOSE_HANDSHAKE_LIMIT = Duration.ofSeconds(5);

    private final CallIdentity identity;
    private final ConnectStreamTwiml twiml;
    private final ScheduledExecutorService clock;
    private final CallRecording recording;
    private final StreamConnection connection = new StreamConnection();
    private final StreamSender sender;
    private final TwilioPlayer player;
    private final MediaPacer pacer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Consumer<SimulatedCall> onEnded;

    private SimulatedCall(CallIdentity identity, ConnectStreamTwiml twiml, CallerScript script,
            ScheduledExecutorService clock, boolean recordAudio, Consumer<SimulatedCall> onEnded) {
        this.identity = identity;
        this.twiml = twiml;
        this.clock = clock;
        this.recording = new CallRecording(recordAudio);
        this.sender = new StreamSender(connection, identity, recording);
        this.player = new TwilioPlayer(clock, sender, recording);
        this.pacer = new MediaPacer(clock, script, sender, this::hangUp, recording);
        this.onEnded = onEnded;
    }

    /** Opens the stream, sends {@code connected} and {@code start}, and starts the caller's audio. */
    static SimulatedCall start(CallIdentity identity, ConnectStreamTwiml twiml, CallerScript script, URI localStream,
            String signatureOrNull, HttpClient http, ScheduledExecutorService clock, SimulatorConfig config,
            Consumer<SimulatedCall> onEnded) {
        SimulatedCall call = new SimulatedCall(identity, twiml, script, clock, config.recordAudio(), onEnded);
        StreamReceiver receiver = new StreamReceiver(identity, call.recording, call.player, call::end);
        call.connection.open(http, localStream, signatureOrNull, config.timeout(), receiver);
        call.sender.connectedAndStart(twiml.parameters());
        call.pacer.start();
        return call;
    }

    public CallIdentity identity() { return identity; }
    public ConnectStreamTwiml twiml() { return twiml; }

    /** Sends a keypad press, as Twilio reports DTMF on the inbound track. */
    public void sendDigit(char digit) {
        if ("0123456789*#".indexOf(digit) < 0) {
            throw new IllegalArgumentException("not a keypad digit: " + digit + " (use sendRawText for hostile input)");
        }
        sender.dtmf(String.valueOf(digit));
    }

    /** Sends any text frame as is, outside Twilio's protocol (for hostile-input tests). */
    public CompletableFuture<?> sendRawText(String text) { return sender.raw(text); }

    /** Sends any binary frame (Twilio itself never does). */
    public CompletableFuture<?> sendRawBinary(byte[] data) { return sender.raw(data); }

    /** The caller hangs up: {@code stop}, then a normal close. Does nothing once the call has ended. */
    public void hangUp() {
        if (end()) {
            recording.closed(ClosedBy.SIMULATOR, 1000, "");
            sender.stopAndClose();
            clock.schedule(connection::abortUnlessClosed, CLOSE_HANDSHAKE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The caller's network vanishes: no {@code stop}, no close frame, just a dropped connection. */
    public void dropConnection() {
        if (end()) {
            recording.closed(ClosedBy.SIMULATOR, 1006, "connection dropped by the simulator");
            connection.abort();
        }
    }

    /** Hangs up if the call is still up, so try-with-resources never leaves a call running. */
    @Override
    public void close() { hangUp(); }

    public boolean isEnded() { return ended.get(); }

    /** Stops audio in both directions; true only for the first caller, who then finishes the call. */
    private boolean end() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        pacer.stop();
        player.stop();
        onEnded.accept(this);
        return true;
    }

    /** The μ-law bytes sent as caller audio after {@code start}, in order (frames padded to 160 bytes). */
    public byte[] sentAudio() { return recording.sentAudio(); }
    /** Every audio byte the service sent, in arrival order, whether later played or cleared. */
    public byte[] receivedAudio() { return recording.receivedAudio(); }
    /** Bytes of caller audio sent so far (160 a frame), counted whether or not audio is recorded. */
    public long sentAudioBytes() { return recording.sentAudioBytes(); }
    /** Bytes of service audio received so far, counted whether or not audio is recorded. */
    public long receivedAudioBytes() { return recording.receivedAudioBytes(); }
    public List<ReceivedAudio> receivedAudioChunks() { return recording.audioChunks(); }
    /** Every frame the service sent (media ones only when audio is recorded). */
    public List<ReceivedEvent> events() { return recording.events(); }
    public List<ReceivedEvent> events(String type) { return events().stream().filter(e -> e.event().equals(type)).toList(); }
    public List<MarkEcho> markEchoes() { return recording.markEchoes(); }
    public List<ClearRecord> clears() { return recording.clears(); }
    public List<MediaAfterClear> mediaAfterClear() { return recording.mediaAfterClear(); }
    public List<StreamSidMismatch> streamSidMismatches() { return recording.mismatches(); }
    /** Protocol breaches and send failures, each with its time; empty on a clean call. */
    public List<String> problems() { return recording.problems(); }
    public Optional<CloseRecord> closeRecord() { return Optional.ofNullable(recording.close()); }
    public long bufferedBytes() { return player.bufferedBytes(); }
    public long playedBytes() { return player.playedBytes(); }
    public long discardedBytes() { return player.discardedBytes(); }
    /** The latest any caller frame left against its due time; large values mean the simulator is overloaded. */
    public Duration worstPacingLateness() { return Duration.ofNanos(pacer.worstLatenessNanos()); }

    public CloseRecord awaitClose(Duration timeout) {
        return recording.await(recording::close, timeout, "the stream to close");
    }

    public ReceivedEvent awaitEvent(Predicate<ReceivedEvent> test, Duration timeout) {
        return recording.awaitEvent(test, timeout, "a matching event");
    }

    public ReceivedEvent awaitEvent(String type, Duration timeout) {
        return recording.awaitEvent(e -> e.event().equals(type), timeout, "a '" + type + "' event");
    }

    /** Waits until at least {@code bytes} of audio have arrived (8 bytes = 1 ms); returns all received so far. */
    public byte[] awaitAudio(int bytes, Duration timeout) {
        return recording.await(() -> recording.receivedAudioBytes() >= bytes ? recording.receivedAudio() : null,
                timeout, bytes + " bytes of audio from the service");
    }

    public MarkEcho awaitMarkEcho(String name, Duration timeout) {
        return recording.await(() -> recording.markEchoes().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElse(null), timeout, "the echo of mark '" + name + "'");
    }
}
