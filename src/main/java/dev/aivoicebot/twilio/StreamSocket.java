package dev.aivoicebot.twilio;

import io.netty.channel.Channel;
import io.quarkus.websockets.next.UserData;
import java.util.concurrent.TimeUnit;

/**
 * The TCP connection under one Media Stream, which websockets-next does not expose: a way to drop a peer that
 * stopped reading (a close frame queues behind everything
 * unsent, so it never reaches such a peer). Taken at the upgrade by {@link StreamSocketSetup}, kept in the
 * connection's user data.
 */
final class StreamSocket {

    static final UserData.TypedKey<StreamSocket> KEY = new UserData.TypedKey<>("socket");
    /** The name Vert.x gives its own handler, the last in the pipeline. */
    private static final String VERTX_HANDLER = "handler";
    private static final String FRAME_GUARD = "media-stream-frame-guard";

    private final Channel channel;

    private StreamSocket(Channel channel) {
        this.channel = channel;
    }

    /** Wraps the channel of an upgrade request, adding {@link FrameGuard} before Vert.x's handler once. */
    static StreamSocket of(Channel channel) {
        if (channel.pipeline().get(FRAME_GUARD) == null) { // a kept-alive connection may upgrade again
            channel.pipeline().addBefore(VERTX_HANDLER, FRAME_GUARD, new FrameGuard());
        }
        return new StreamSocket(channel);
    }

    /** Closes the TCP connection after {@code millis}, whatever is still unsent. */
    void dropAfter(long millis) {
        channel.eventLoop().schedule(() -> channel.close(), millis, TimeUnit.MILLISECONDS);
    }
}
