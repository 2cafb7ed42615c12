package dev.aivoicebot.sim;

import java.net.URI;

/** The service refused (or never answered) the Media Stream WebSocket handshake. */
public final class StreamRejectedException extends RuntimeException {

    private final int status;

    StreamRejectedException(URI uri, int status, Throwable cause) {
        super("Stream WebSocket " + uri + " was not opened"
                + (status > 0 ? ": HTTP " + status : ": " + cause), cause);
        this.status = status;
    }

    /** HTTP status of the refused upgrade, or -1 when there was no HTTP answer. */
    public int status() {
        return status;
    }
}
