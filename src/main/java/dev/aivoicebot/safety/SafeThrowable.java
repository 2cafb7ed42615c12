package dev.aivoicebot.safety;

/**
 * Stands in for a logged exception whose message is not safe to print (an upstream's text in it): it prints as
 * the original would, class name and stack frames, causes and suppressed ones included, but with every message
 * passed through {@link SafeText#line}. Only built when some message in the chain needs it.
 */
final class SafeThrowable extends Throwable {

    /** Deep enough for any real chain, and an end to a cyclic one. */
    private static final int MAX_DEPTH = 16;

    private final String description;

    private SafeThrowable(Throwable original, int depth) {
        super(cleanMessage(original), cleanCause(original, depth), true, true);
        description = original.getClass().getName() + (getMessage() == null ? "" : ": " + getMessage());
        setStackTrace(original.getStackTrace());
        if (depth < MAX_DEPTH) {
            for (Throwable suppressed : original.getSuppressed()) {
                addSuppressed(new SafeThrowable(suppressed, depth + 1));
            }
        }
    }

    private static Throwable cleanCause(Throwable original, int depth) {
        return original.getCause() == null || depth >= MAX_DEPTH ? null : new SafeThrowable(original.getCause(), depth + 1);
    }

    private static String cleanMessage(Throwable original) {
        String message = original.getLocalizedMessage();
        return message == null ? null : SafeText.line(message);
    }

    static Throwable of(Throwable original) {
        return new SafeThrowable(original, 0);
    }

    /** Whether any message in the chain changes when cleaned; most exceptions print as they are. */
    static boolean isNeeded(Throwable thrown) {
        return isNeeded(thrown, 0);
    }

    private static boolean isNeeded(Throwable thrown, int depth) {
        if (thrown == null || depth > MAX_DEPTH) {
            return false;
        }
        String message = thrown.getLocalizedMessage();
        if (message != null && !SafeText.line(message).equals(message)) {
            return true;
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            if (isNeeded(suppressed, depth + 1)) {
                return true;
            }
        }
        return isNeeded(thrown.getCause(), depth + 1);
    }

    @Override
    public String toString() {
        return description;
    }

    /** The stack is the original's, set in the constructor: filling in our own would only cost time. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
