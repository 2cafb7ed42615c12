package dev.aivoicebot.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aivoicebot.archive.CallQuery;
import dev.aivoicebot.archive.PageCursor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallQueryParserTest {

    @Test
    void nothingGivenIsNoFilterAndTheDefaultPage() {
        CallQuery query = CallQueryParser.parse(null, "", null, null, null, "  ", null, null);
        assertEquals(new CallQuery(null, null, null, null, null, null, 50, null), query);
    }

    @Test
    void aDateMeansItsWholeDayInUtcAndAnInstantMayHaveAnOffset() {
        CallQuery query = CallQueryParser.parse("2026-12-04", "2026-12-04", null, null, null, null, null, null);
        assertEquals(Instant.parse("2026-12-04T00:00:00Z"), query.since());
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), query.until());
        assertEquals(Instant.parse("2026-12-04T09:00:00Z"),
                CallQueryParser.parse("2026-12-04T10:00:00+01:00", null, null, null, null, null, null, null).since());
    }

    @Test
    void valuesAreNormalised() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-12-04T10:00:00.123Z"),
                "CA0123456789abcdef0123456789abcdef");
        CallQuery query = CallQueryParser.parse(null, null, " 15550100", "+15550199", "caller-hung-up", " Table ",
                "200", cursor.encode());
        assertEquals("+15550100", query.from());
        assertEquals("CALLER_HUNG_UP", query.endReason());
        assertEquals("Table", query.text());
        assertEquals(200, query.limit());
        assertEquals(cursor, query.after());
        assertEquals("+15550199", query.to());
    }

    @Test
    void aCursorThatWasNotGivenOutIsRefused() {
        String forged = java.util.Base64.getUrlEncoder().encodeToString("12_../../etc/passwd".getBytes());
        AdminException e = assertThrows(AdminException.class,
                () -> CallQueryParser.parse(null, null, null, null, null, null, null, forged));
        assertEquals("cursor", e.parameter());
    }
}
