package dev.aivoicebot.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

class SafeLogFilterTest {

    private static final String FORGED = "2026-01-01 00:00:00,000 ERROR [fake] forged";
    private final SafeLogFilter filter = new SafeLogFilter();

    @Test
    void aFormattedMessageIsFoldedAndRedactedAndNeverDropped() {
        ExtLogRecord record = record("Call %s: %s");
        record.setParameters(new Object[] {"CA0123456789abcdef0123456789abcdef", "bad\n" + FORGED + " sk-abcdefghijkl"});

        assertTrue(filter.isLoggable(record));

        assertEquals("Call CA0123456789abcdef0123456789abcdef: bad " + FORGED + " sk-***", record.getFormattedMessage());
        assertEquals(1, new PatternFormatter("%s%n").format(record).lines().count());
    }

    @Test
    void aPlainJulRecordIsCleanedToo() {
        LogRecord record = new LogRecord(Level.INFO, "peer said {0}");
        record.setParameters(new Object[] {"x\n" + FORGED});

        assertTrue(filter.isLoggable(record));

        assertEquals("peer said x " + FORGED, record.getMessage());
        assertNull(record.getParameters());
    }

    @Test
    void aCleanRecordIsLeftAsItIs() {
        ExtLogRecord record = record("Call %s ended");
        record.setParameters(new Object[] {"CA0123456789abcdef0123456789abcdef"});
        RuntimeException plain = new RuntimeException("nothing to hide");
        record.setThrown(plain);

        assertTrue(filter.isLoggable(record));

        assertEquals("Call %s ended", record.getMessage());
        assertSame(plain, record.getThrown());
    }

    @Test
    void anExceptionsMessagesAreCleanedAndItsStackKept() {
        IOException cause = new IOException("cause\r\n" + FORGED);
        IllegalStateException failure = new IllegalStateException("boom sk-abcdefghijkl", cause);
        failure.addSuppressed(new RuntimeException("also\n" + FORGED));
        ExtLogRecord record = record("Media stream error");
        record.setThrown(failure);

        assertTrue(filter.isLoggable(record));

        Throwable logged = record.getThrown();
        assertEquals("java.lang.IllegalStateException: boom sk-***", logged.toString());
        assertEquals("java.io.IOException: cause  " + FORGED, logged.getCause().toString());
        assertEquals("java.lang.RuntimeException: also " + FORGED, logged.getSuppressed()[0].toString());
        assertArrayEquals(failure.getStackTrace(), logged.getStackTrace());
        String printed = new PatternFormatter("%s%e%n").format(record);
        assertTrue(printed.lines().noneMatch(line -> line.startsWith(FORGED)), printed);
        assertTrue(printed.contains("at " + SafeLogFilterTest.class.getName()), printed);
    }

    private static ExtLogRecord record(String format) {
        return new ExtLogRecord(Level.WARNING, format, ExtLogRecord.FormatStyle.PRINTF, SafeLogFilterTest.class.getName());
    }
}
