package dev.aivoicebot.emulator;

import java.util.List;
import java.util.Map;

/**
 * The one place tests attach to the emulator. The application declares no such bean, so the emulator records
 * nothing and nobody steers a session; a test bean implementing this sees every session open and close and every
 * event cross its socket, and may end a session or send it an error the way the real service does unprompted.
 * Calls arrive on the session's event loop in wire order and must not block; a hook that throws is logged and
 * skipped.
 */
interface EmulatorTestHook {

    /** A session was accepted, before its first server event. */
    default void opened(Session session) {
    }

    /** A client event exactly as received, before the emulator handles it. */
    default void clientEvent(String sessionId, String rawJson) {
    }

    /** A server event exactly as sent. */
    default void serverEvent(String sessionId, String rawJson) {
    }

    /** The socket closed, whoever closed it; 1005 when no code was given. */
    default void closed(String sessionId, int code) {
    }

    /** What a hook sees of one session and may do to it. */
    interface Session {

        /** The {@code sess_…} id announced in {@code session.created}. */
        String id();

        /** The {@code model} query parameter of the upgrade request ("" when absent). */
        String model();

        /** Handshake headers, keys case-insensitive. */
        Map<String, List<String>> headers();

        /** Closes the socket as the real service does at the end of a session. */
        void close(int code, String reason);

        /** Sends an {@code error} event, as the real service does on its own (server_error, insufficient_quota…). */
        void sendError(String type, String code, String message, String param, String clientEventId);
    }
}
