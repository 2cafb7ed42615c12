package dev.aivoicebot.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Prometheus' text format has no escape for {@code "} in a HELP line, yet the registry writes {@code \"}
 * (from Micrometer's own {@code process.cpu.usage}: The "recent cpu usage" …), and strict parsers such as
 * {@code promtool check metrics} reject the whole scrape. Double quotes in descriptions become single ones.
 */
@Singleton
class HelpTextFilter {

    @Produces
    @Singleton
    MeterFilter noDoubleQuotesInHelp() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = id.getDescription();
                if (description == null || description.indexOf('"') < 0) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                        description.replace('"', '\''), id.getType());
            }
        };
    }
}
