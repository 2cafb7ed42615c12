package dev.aivoicebot.metrics;



import dev.aivoicebot.ManagementInterface;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of {@code /q/metrics}, as Prometheus would scrape it, with sample look-ups for assertions. */
public record MetricsScrape(String text) {

    public static MetricsScrape now() {
        return new MetricsScrape(ManagementInterface.given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The value of the sample {@code name} whose label set contains every one of {@code labels} (each written
     * {@code key="value"}); 0 when there is none.
     */
    public double value(String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)})? (\\S+)$").matcher(text);
        while (line.find()) {
            String set = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= set.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    /** How much a sample grew from {@code before} to this scrape. */
    public double delta(MetricsScrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    public boolean has(String sampleStart) {
        return text.contains("\n" + sampleStart);
    }
}
