package dev.aivoicebot.twilio;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns off the per-frame WebSocket compression ({@code deflate-frame}) Vert.x offers by default; websockets-next
 * has a setting for per-message compression only (off in application.properties). With no extension on offer,
 * the frame decoder refuses RSV bits, so a compressed frame is never inflated.
 */
@ApplicationScoped
class NoWebSocketCompression implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setPerFrameWebSocketCompressionSupported(false);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setPerFrameWebSocketCompressionSupported(false);
    }
}
