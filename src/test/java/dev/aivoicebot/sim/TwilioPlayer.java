package dev.aivoicebot.sim;

import dev.aivoicebot.sim.CallRecording.ClearRecord;
import dev.aivoicebot.sim.CallRecording.MarkEcho;
import dev.aivoicebot.sim.CallRecording.MediaAfterClear;
import dev.aivoicebot.sim.CallRecording.ReceivedAudio;
import dev.aivoicebot.sim.PlayoutBuffer.QueuedMark;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's handling of what the service sends: audio into a real-time {@link PlayoutBuffer}, marks
 * echoed when their audio has played (a timer on the shared clock fires at the due time), clears
 * dropping the buffer and echoing every pending mark at once.
 */
final class TwilioPlayer {

    private final PlayoutBuffer buffer = new PlayoutBuffer();
    private final ScheduledExecutorService clock;
    private final StreamSender sender;
    private final CallRecording recording;
    private ScheduledFuture<?> echoTimer;
    private Long lastClearNanos;

    TwilioPlayer(ScheduledExecutorService clock, StreamSender sender, CallRecording recording) {
        this.clock = clock;
        this.sender = sender;
        this.recording = recording;
    }

    synchronized void media(byte[] audio, long nowNanos) {
        if (lastClearNanos != null) {
            recording.mediaAfterClear(new MediaAfterClear(recording.at(nowNanos),
                    recording.at(nowNanos).minus(recording.at(lastClearNanos)), audio.length));
        }
        buffer.append(audio.length, nowNanos);
        recording.audio(new ReceivedAudio(recording.at(nowNanos), audio));
    }

    synchronized void mark(String name, long nowNanos) {
        echo(buffer.mark(name, nowNanos), nowNanos, false);
        rescheduleEchoTimer(nowNanos);
    }

    synchronized void clear(long nowNanos) {
        PlayoutBuffer.Cleared cleared = buffer.clear(nowNanos);
        echo(cleared.echoedMarks(), nowNanos, true);
        lastClearNanos = nowNanos;
        recording.clear(new ClearRecord(recording.at(nowNanos), cleared.discardedBytes(),
                cleared.echoedMarks().stream().map(QueuedMark::name).toList()));
        rescheduleEchoTimer(nowNanos);
    }

    synchronized long bufferedBytes() {
        return buffer.bufferedBytes(System.nanoTime());
    }

    synchronized long playedBytes() {
        return buffer.playedBytes(System.nanoTime());
    }

    synchronized long discardedBytes() {
        return buffer.discardedBytes();
    }

    /** The call ended: nothing more will be played or echoed. */
    synchronized void stop() {
        if (echoTimer != null) {
            echoTimer.cancel(false);
        }
    }

    private synchronized void echoDueMarks() {
        long now = System.nanoTime();
        echo(buffer.dueMarks(now), now, false);
        rescheduleEchoTimer(now);
    }

    private void echo(List<QueuedMark> marks, long nowNanos, boolean flushedByClear) {
        for (QueuedMark mark : marks) {
            sender.markEcho(mark.name());
            recording.markEcho(new MarkEcho(mark.name(), recording.at(mark.receivedNanos()),
                    recording.at(nowNanos), flushedByClear));
        }
    }

    private void rescheduleEchoTimer(long nowNanos) {
        if (echoTimer != null) {
            echoTimer.cancel(false);
            echoTimer = null;
        }
        if (!recording.isClosed()) {
            buffer.nextMarkDueNanos().ifPresent(due ->
                    echoTimer = clock.schedule(this::echoDueMarks, due - nowNanos, TimeUnit.NANOSECONDS));
        }
    }
}
