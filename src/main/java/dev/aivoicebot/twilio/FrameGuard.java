package dev.aivoicebot.twilio;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits between the frame decoder and Vert.x on a Media Stream connection, for two things Vert.x does not do:
 * <ul>
 * <li>A frame that breaks RFC 6455 (over 64 KiB, RSV bits, unmasked, reserved opcode, fragmented control frame)
 * gets a close frame. Vert.x builds its decoder with {@code closeOnProtocolViolation} off and drops the TCP
 * connection as soon as the decoder throws, so the peer would see no close frame (1006). The failure then goes
 * on: Vert.x closes the connection and websockets-next calls {@code @OnError}.
 * <li>Once our close frame is out, only the peer's close frame is passed on, and a peer that sends more than
 * {@link #MAX_FRAMES_AFTER_CLOSE} other frames is disconnected. Vert.x keeps reading for up to 10 s waiting for
 * the peer's close, answering every ping and dispatching every frame: a flood that ignores our close frame would
 * otherwise cost as much as before it.
 * </ul>
 */
final class FrameGuard extends ChannelDuplexHandler {

    /** Twilio sends ~50 frames a second; its close answers ours well within that. */
    static final int MAX_FRAMES_AFTER_CLOSE = 100;

    // Touched on the connection's event loop only.
    private boolean closeSent;
    private int framesAfterClose;

    /** The close for a frame the decoder refused. */
    static StreamClose closeFor(CorruptedWebSocketFrameException failure) {
        return failure.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG ? StreamClose.TOO_LARGE
                : StreamClose.PROTOCOL_ERROR;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (closeSent && !(message instanceof CloseWebSocketFrame)) {
            ReferenceCountUtil.release(message);
            if (++framesAfterClose == MAX_FRAMES_AFTER_CLOSE) {
                ctx.close();
            }
            return;
        }
        ctx.fireChannelRead(message);
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
            StreamClose close = closeFor(corrupt);
            ctx.writeAndFlush(new CloseWebSocketFrame(close.code(), close.reason()));
        }
        ctx.fireExceptionCaught(failure);
    }
}
