package dev.aivoicebot.emulator;

/**
 * A tool call's arguments sent in small deltas, the way the Realtime API streams them: never splitting a surrogate
 * pair, so every delta is valid text on its own.
 */
final class ArgumentChunks {

    static final int DELTA_CHARS = 16;

    private final String arguments;
    private int sent;

    ArgumentChunks(String arguments) {
        this.arguments = arguments;
    }

    /** The next delta; call only while {@link #remaining()}. */
    String next() {
        int end = Math.min(sent + DELTA_CHARS, arguments.length());
        if (end < arguments.length() && Character.isHighSurrogate(arguments.charAt(end - 1))) {
            end++;
        }
        String delta = arguments.substring(sent, end);
        sent = end;
        return delta;
    }

    boolean remaining() {
        return sent < arguments.length();
    }

    /** The arguments as far as they were sent. */
    String sent() {
        return arguments.substring(0, sent);
    }
}
