package dev.aivoicebot.safety;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Defence in depth for the service log: whoever logged a record (our code, a library, a call site that forgot
 * {@link SafeText}), its message passes through {@link SafeText#line} before the console or file handler
 * formats it, so no log message carries a raw newline or a configured secret. A logged exception's messages
 * are cleaned the same way ({@link SafeThrowable}); its stack trace stays on several lines, as stack traces do.
 *
 * <p>Enabled by {@code quarkus.log.console.filter} and {@code quarkus.log.file.filter}. Nothing is logged per
 * audio frame, so this never runs on the hot path. Quarkus registers filter classes for reflection itself, so
 * the native binary needs nothing more.
 */
@LoggingFilter(name = SafeLogFilter.NAME)
public final class SafeLogFilter implements Filter {

    public static final String NAME = "safe-text";

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = ExtLogRecord.wrap(record).getFormattedMessage(); // the record itself when it is one already
        if (message != null) {
            String safe = SafeText.line(message);
            if (!safe.equals(message)) {
                if (record instanceof ExtLogRecord ext) {
                    ext.setMessage(safe, ExtLogRecord.FormatStyle.NO_FORMAT);
                } else {
                    record.setMessage(safe);
                }
                record.setParameters(null);
            }
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && SafeThrowable.isNeeded(thrown)) {
            record.setThrown(SafeThrowable.of(thrown));
        }
        return true;
    }
}
