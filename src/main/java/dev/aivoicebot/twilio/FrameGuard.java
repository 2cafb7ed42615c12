package dev.aivoicebot.twilio;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.quarkus.websockets.next.CloseReason;

/**
 * Sits between the frame decoder and Vert.x on a Media Stream connection so that a frame that breaks RFC 6455
 * (over 64 KiB, RSV bits, unmasked, reserved opcode, fragmented control frame) gets a close frame. Vert.x builds
 * its decoder with {@code closeOnProtocolViolation} off and drops the TCP connection as soon as the decoder
 * throws, so the peer would see no close frame (1006). The failure then goes on: Vert.x closes the connection
 * and websockets-next calls {@code @OnError}.
 */
final class FrameGuard extends ChannelDuplexHandler {

    static final int TOO_LARGE = 1009;
    static final int PROTOCOL_ERROR = 1002;

    // Touched on the connection's event loop only.
    private boolean closeSent;

    /** The close code and reason for a frame the decoder refused. */
    static CloseReason reasonFor(CorruptedWebSocketFrameException failure) {
        return failure.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG
                ? new CloseReason(TOO_LARGE, "message too large")
                : new CloseReason(PROTOCOL_ERROR, "protocol error");
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof CloseWebSocketFrame) {
            closeSent = true;
        }
        ctx.write(message, promise);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable failure) {
        if (failure instanceof CorruptedWebSocketFrameException corrupt && !closeSent && ctx.channel().isActive()) {
            closeSent = true;
            CloseReason reason = reasonFor(corrupt);
            ctx.writeAndFlush(new CloseWebSocketFrame(reason.getCode(), reason.getMessage()));
        }
        ctx.fireExceptionCaught(failure);
    }
}
