package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Built-in {@code current_time}: today's date, the time and the weekday where the business is
 * (ASSISTANT_TIME_ZONE). A model has no clock and guesses "tomorrow" or "are you open now" wrong without one.
 */
@ApplicationScoped
class CurrentTimeTool implements AssistantTool {

    private final Clock clock;

    @Inject
    CurrentTimeTool(ToolsConfig config) {
        this(Clock.system(config.timeZone()));
    }

    CurrentTimeTool(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "current_time";
    }

    @Override
    public String description() {
        return "The current date, time and day of the week where the business is (time zone " + clock.getZone()
                + "). Call it before answering anything that depends on today's date or the time of day, such as "
                + "\"tomorrow\", \"next Monday\" or whether something is open now.";
    }

    @Override
    public String call(JsonNode arguments, CallInfo call) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZoneId zone = now.getZone();
        return JsonNodeFactory.instance.objectNode()
                .put("date", now.format(DateTimeFormatter.ISO_LOCAL_DATE))
                .put("time", now.format(DateTimeFormatter.ofPattern("HH:mm")))
                .put("weekday", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .put("time_zone", zone.getId())
                .put("utc_offset", now.getOffset().getId().equals("Z") ? "+00:00" : now.getOffset().getId())
                .toString();
    }
}
