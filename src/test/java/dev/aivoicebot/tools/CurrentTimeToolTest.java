package dev.aivoicebot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CurrentTimeToolTest {

    @Test
    void givesTheDateTimeAndWeekdayInTheConfiguredZone() {
        // 23:30 UTC on Thursday 31 December 2026 is already Friday 1 January 2027 in Berlin.
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneId.of("Europe/Berlin"));
        CurrentTimeTool tool = new CurrentTimeTool(clock);

        assertEquals("{\"date\":\"2027-01-01\",\"time\":\"00:30\",\"weekday\":\"Friday\",\"time_zone\":\"Europe/Berlin\","
                + "\"utc_offset\":\"+01:00\"}", tool.call(JsonNodeFactory.instance.objectNode(), null));
        assertTrue(tool.description().contains("Europe/Berlin"), tool.description());
    }

    @Test
    void utcHasAnOffsetToo() {
        CurrentTimeTool tool = new CurrentTimeTool(Clock.fixed(Instant.parse("2026-07-06T09:05:00Z"), ZoneId.of("UTC")));
        assertEquals("{\"date\":\"2026-07-06\",\"time\":\"09:05\",\"weekday\":\"Monday\",\"time_zone\":\"UTC\","
                + "\"utc_offset\":\"+00:00\"}", tool.call(JsonNodeFactory.instance.objectNode(), null));
    }
}
