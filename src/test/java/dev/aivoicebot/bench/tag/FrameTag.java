package dev.aivoicebot.bench.tag;

/**
 * The label the load benchmark writes over the first {@value #BYTES} bytes of every 160-byte μ-law frame, in
 * both directions, so that the far end can tell which call and which frame it holds, whether it is speech,
 * and when it left. The bridge passes payloads through untouched, so the label arrives as written.
 *
 * <p>{@code sentNanos} is {@link System#nanoTime()} of the sender; on Linux that is CLOCK_MONOTONIC, one clock
 * for every process on the machine, so the receiver may subtract it from its own {@code nanoTime()}.
 *
 * @param flags           {@link #SPEECH}, {@link #LAST}
 * @param callIndex       the benchmark's number for the call (-1 when the sender does not know it yet)
 * @param seq             per-stream frame number, from 0, never reused
 * @param sentNanos       sender's {@code System.nanoTime()} when the frame left
 * @param response        answer frames: ordinal of the response in its session (caller frames: 0)
 * @param frameInResponse answer frames: index of the frame inside its response
 * @param cause           answer frames: the caller frame {@code seq} that ended the turn, {@link #GREETING}, or
 *                        {@link #UNTIMED} for a later {@code response.create} (a tool's result, a filler)
 */
public record FrameTag(int flags, int callIndex, int seq, long sentNanos, int response, int frameInResponse,
        int cause) {

    public static final int FRAME_BYTES = 160;
    /** A multiple of 3, so the tag's base64 never shares a group with the rest of the frame. */
    public static final int BYTES = 33;
    /** Base64 characters of the tag. */
    public static final int BASE64_CHARS = BYTES / 3 * 4;
    /** Caller frames: this frame is speech. The fake's turn detection reads this, not the audio's energy. */
    public static final int SPEECH = 1;
    /** Answer frames: the final frame of a response that ran to completion. */
    public static final int LAST = 2;
    /** {@code cause} of the greeting: the session's first {@code response.create}. */
    public static final int GREETING = -1;
    /** {@code cause} of an answer no caller frame ended a turn for, and that is not the greeting: not timed. */
    public static final int UNTIMED = -2;

    private static final byte MAGIC_0 = (byte) 0xB7;
    private static final byte MAGIC_1 = (byte) 0x3C;
    private static final int CHECK = 3;

    public boolean speech() {
        return (flags & SPEECH) != 0;
    }

    public boolean last() {
        return (flags & LAST) != 0;
    }

    public void writeTo(byte[] frame, int offset) {
        frame[offset] = MAGIC_0;
        frame[offset + 1] = MAGIC_1;
        frame[offset + 2] = (byte) flags;
        putInt(frame, offset + 4, callIndex);
        putInt(frame, offset + 8, seq);
        putLong(frame, offset + 12, sentNanos);
        putInt(frame, offset + 20, response);
        putInt(frame, offset + 24, frameInResponse);
        putInt(frame, offset + 28, cause);
        frame[offset + 32] = 0;
        frame[offset + CHECK] = checksum(frame, offset);
    }

    /** The tag at {@code offset}, or null when the bytes there are not a tag (wrong magic or checksum). */
    public static FrameTag readFrom(byte[] frame, int offset) {
        if (frame.length < offset + BYTES || frame[offset] != MAGIC_0 || frame[offset + 1] != MAGIC_1
                || frame[offset + CHECK] != checksum(frame, offset)) {
            return null;
        }
        return new FrameTag(frame[offset + 2], getInt(frame, offset + 4), getInt(frame, offset + 8),
                getLong(frame, offset + 12), getInt(frame, offset + 20), getInt(frame, offset + 24),
                getInt(frame, offset + 28));
    }

    private static byte checksum(byte[] frame, int offset) {
        int sum = 0x5A;
        for (int i = 0; i < BYTES; i++) {
            if (i != CHECK) {
                sum = sum * 31 + frame[offset + i];
            }
        }
        return (byte) (sum ^ (sum >>> 8) ^ (sum >>> 16));
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long getLong(byte[] b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xFFFFFFFFL);
    }
}
