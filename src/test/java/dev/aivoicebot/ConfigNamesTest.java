package dev.aivoicebot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.admin.AdminConfig;
import dev.aivoicebot.events.CallEventsConfig;
import dev.aivoicebot.retention.RetentionConfig;
import dev.aivoicebot.call.AssistantConfig;
import dev.aivoicebot.call.CallLimitsConfig;
import dev.aivoicebot.call.ProfilesConfig;
import dev.aivoicebot.call.PricesConfig;
import dev.aivoicebot.call.RecordingConfig;
import dev.aivoicebot.call.SummaryConfig;
import dev.aivoicebot.call.TransferConfig;
import dev.aivoicebot.emulator.EmulatorConfig;
import dev.aivoicebot.openai.OpenAiConfig;
import dev.aivoicebot.outbound.OutboundConfig;
import dev.aivoicebot.softphone.SoftphoneConfig;
import dev.aivoicebot.speech.SpeechConfig;
import dev.aivoicebot.store.StoreConfig;
import dev.aivoicebot.tools.ToolsConfig;
import dev.aivoicebot.transcript.TranscriptConfig;
import dev.aivoicebot.twilio.TwilioConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every setting is said once and listed the same everywhere: the configuration table in docs/configuration.md,
 * the {@code .env} template and the names the service reads (the mapped environment names and the few Quarkus
 * properties application.properties maps) are the same variables, and each default in the table is the one the
 * code has (a {@code @WithDefault}, or application.properties for those Quarkus properties).
 */
class ConfigNamesTest {

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| ([^|]*) \\|");
    private static final Pattern ENV_LINE = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]+)=(.*)$");
    private static final Pattern QUARKUS_MAPPING = Pattern.compile("(?m)^(quarkus\\.[a-z.\\-]+)=\\$\\{([A-Z0-9_]+):(.*)}$");

    @Test
    void theDocsTableTheDotEnvTemplateAndTheCodeNameTheSameVariables() throws IOException {
        TreeSet<String> code = new TreeSet<>(codeDefaults().keySet());
        assertEquals(code, new TreeSet<>(docsDefaults().keySet()), "docs/configuration.md table vs the code");
        TreeSet<String> dotEnv = new TreeSet<>();
        Matcher line = ENV_LINE.matcher(Files.readString(Path.of(".env")));
        while (line.find()) {
            dotEnv.add(line.group(1));
        }
        assertEquals(code, dotEnv, ".env template vs the code");
    }

    @Test
    void eachDefaultInTheDocsTableIsTheCodesDefault() throws IOException {
        Map<String, String> docs = docsDefaults();
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        codeDefaults().forEach((name, value) -> {
            String documented = docs.get(name);
            if (documented != null && documented.matches("`[^`]*`")) { // a literal default, not prose
                expected.put(name, documented.substring(1, documented.length() - 1));
                actual.put(name, value == null ? "(none)" : value.replace("${quarkus.http.port}", "$PORT"));
            }
        });
        assertEquals(expected, actual);
    }

    /** Environment name → its default in the code (null when it has none). */
    private static Map<String, String> codeDefaults() throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AssistantConfig.class).withMapping(CallLimitsConfig.class)
                .withMapping(EmulatorConfig.class).withMapping(OpenAiConfig.class)
                .withMapping(SoftphoneConfig.class).withMapping(SpeechConfig.class)
                .withMapping(ToolsConfig.class).withMapping(TranscriptConfig.class).withMapping(TransferConfig.class)
                .withMapping(TwilioConfig.class).withMapping(RecordingConfig.class)
                .withMapping(OutboundConfig.class).withMapping(ProfilesConfig.class)
                .withMapping(AdminConfig.class).withMapping(CallEventsConfig.class).withMapping(RetentionConfig.class)
                .withMapping(PricesConfig.class).withMapping(SummaryConfig.class).withMapping(StoreConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidateUnknown(false).build();
        Map<String, String> defaults = new TreeMap<>();
        EnvironmentNames.NAMES.forEach((property, env) -> defaults.put(env, config.getRawValue(property)));
        Matcher mapping = QUARKUS_MAPPING.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (mapping.find()) {
            defaults.put(mapping.group(2), mapping.group(3));
        }
        return defaults;
    }

    /** Environment name → the Default cell of its row in docs/configuration.md. */
    private static Map<String, String> docsDefaults() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        Matcher row = TABLE_ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
        while (row.find()) {
            rows.put(row.group(1), row.group(2).strip());
        }
        return rows;
    }
}
