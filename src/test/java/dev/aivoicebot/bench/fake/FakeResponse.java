package dev.aivoicebot.bench.fake;

/** One answer being streamed: what has been sent of it, and the timer for its next delta. */
final class FakeResponse {

    final int ordinal;
    final String id = Ids.of("resp");
    final String itemId = Ids.of("item");
    /** The caller frame that ended the turn, or for a {@code response.create} FrameTag.GREETING or UNTIMED. */
    final int cause;
    final long startNanos;
    int framesSent;
    long timer = -1;

    FakeResponse(int ordinal, int cause, long startNanos) {
        this.ordinal = ordinal;
        this.cause = cause;
        this.startNanos = startNanos;
    }
}
