package dev.aivoicebot.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What the simulated caller says: a sequence of silences and speech bursts, then either a hang-up or
 * silence until the test calls {@link SimulatedCall#hangUp()}. A loud tone stands in for speech: it is
 * enough to trip any voice activity detector and easy to recognise byte for byte at the far end.
 */
public record CallerScript(List<Segment> segments, Ending ending) {

    /** 8 kHz μ-law: 8 samples, 8 bytes, per millisecond. */
    public static final int BYTES_PER_MS = 8;

    public CallerScript {
        segments = List.copyOf(segments);
    }

    /** A stretch of the caller's audio. */
    public sealed interface Segment permits Silence, Tone {
        long durationMs();

        /** The μ-law byte of the {@code index}-th sample of this segment. */
        byte sample(int index);
    }

    /** Line silence (μ-law 0xFF). */
    public record Silence(long durationMs) implements Segment {
        @Override
        public byte sample(int index) {
            return MuLaw.SILENCE;
        }
    }

    /** A sine tone; {@code amplitude} is the peak of a signed 16-bit sample. */
    public record Tone(long durationMs, double frequencyHz, int amplitude) implements Segment {
        @Override
        public byte sample(int index) {
            double seconds = index / 8000.0;
            return MuLaw.encode((int) Math.round(amplitude * Math.sin(2 * Math.PI * frequencyHz * seconds)));
        }
    }

    /** What happens once the segments have been sent. */
    public enum Ending {
        /** Send {@code stop} and close the stream, as Twilio does when the caller hangs up. */
        HANG_UP,
        /** Keep the line open with silence until the test hangs up. */
        SILENCE_UNTIL_HANG_UP
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Length of the scripted part, before the ending. */
    public long scriptedMs() {
        return segments.stream().mapToLong(Segment::durationMs).sum();
    }

    /** Builds scripts that read like the call they describe. */
    public static final class Builder {
        private final List<Segment> segments = new ArrayList<>();

        public Builder silence(long ms) {
            segments.add(new Silence(ms));
            return this;
        }

        /** A speech burst: 440 Hz at amplitude 8000, a quarter of full scale. */
        public Builder speech(long ms) {
            return tone(ms, 440, 8000);
        }

        public Builder tone(long ms, double frequencyHz, int amplitude) {
            segments.add(new Tone(ms, frequencyHz, amplitude));
            return this;
        }

        public CallerScript thenHangUp() {
            return new CallerScript(segments, Ending.HANG_UP);
        }

        public CallerScript thenSilenceUntilHangUp() {
            return new CallerScript(segments, Ending.SILENCE_UNTIL_HANG_UP);
        }
    }
}
