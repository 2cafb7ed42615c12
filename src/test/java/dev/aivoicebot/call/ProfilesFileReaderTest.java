package dev.aivoicebot.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PROFILES_FILE is checked at start-up; each mistake is refused with one line naming the file, the profile and the field. */
class ProfilesFileReaderTest {

    /** The tools of docs/tools.example.json and the built-in current_time; the targets of the TRANSFER_TARGETS example. */
    private static final ProfilesFileReader.Known KNOWN = new ProfilesFileReader.Known(
            Set.of("current_time", "get_order_status", "book_table", "crm"), AssistantSettings.CALL_TOOLS,
            new LinkedHashSet<>(List.of("sales", "support")));

    @TempDir
    Path dir;

    private final ProfilesFileReader reader = new ProfilesFileReader(new ObjectMapper());

    @Test
    void theExampleFileInTheDocsIsValid() {
        List<ProfileSpec> profiles = reader.read(Path.of("docs/profiles.example.json"), KNOWN);

        assertEquals(List.of("sales", "kundendienst", "reminders", "default"),
                profiles.stream().map(ProfileSpec::name).toList());
        ProfileSpec sales = profiles.get(0);
        assertEquals(List.of("+15550001", "+15550002"), sales.numbers());
        assertEquals(Optional.of("cedar"), sales.voice());
        assertEquals(Optional.of("en"), sales.language());
        assertEquals(Optional.of(List.of("get_order_status", "current_time")), sales.tools());
        assertEquals(Optional.of(List.of("sales")), sales.transferTargets());
        assertEquals(Optional.of("dual"), sales.recording());
        ProfileSpec reminders = profiles.get(2);
        assertEquals(List.of(), reminders.numbers(), "reachable by name only");
        assertEquals(Optional.of(List.of()), reminders.tools(), "an empty list offers none");
        ProfileSpec fallback = profiles.get(3);
        assertEquals(Optional.empty(), fallback.instructions(), "left to ASSISTANT_INSTRUCTIONS");
        assertEquals(Optional.empty(), fallback.tools(), "absent: every tool");
        assertEquals(Optional.empty(), fallback.recording(), "absent: as RECORDING says");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("{\"profiles\": [{\"name\": \"a\"}", "is not valid JSON at line 1"),
                Arguments.of("", "is empty; it must be a JSON object"),
                Arguments.of("[]", "the file must be a JSON object"),
                Arguments.of("{\"profile\": []}", "the file, field \"profile\": is not a field of this entry"),
                Arguments.of("{}", "\"profiles\" must be a list of at least one profile"),
                Arguments.of("{\"profiles\": []}", "\"profiles\" must be a list of at least one profile"),
                Arguments.of("{\"profiles\": {\"name\": \"a\"}}", "\"profiles\" must be a list of at least one profile"),
                Arguments.of("{\"profiles\": [\"sales\"]}", "profiles[0] must be a JSON object"),
                Arguments.of(one("\"numbers\": [\"+15550001\"]"), "profiles[0], field \"name\": is required"),
                Arguments.of(one("\"name\": \"sales line\""), "profiles[0], field \"name\": must match"),
                Arguments.of(one("\"name\": \"a\", \"voices\": \"cedar\""),
                        "profiles[0], field \"voices\": is not a field of this entry (expected one of greeting, "
                                + "instructions, language, name, numbers, recording, tools, transfer_targets, voice)"),
                Arguments.of("{\"profiles\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}",
                        "profiles[1] \"a\", field \"name\": is already the name of another profile"),
                Arguments.of("{\"profiles\": [{\"name\": \"a\", \"name\": \"b\"}]}", "Duplicate field 'name'"),
                Arguments.of(one("\"name\": \"a\", \"numbers\": \"+15550001\""),
                        "profiles[0] \"a\", field \"numbers\": must be a list of non-empty strings"),
                Arguments.of(one("\"name\": \"a\", \"numbers\": [\"5550001\"]"),
                        "profiles[0] \"a\", field \"numbers\": each must be an E.164 number such as +15550100"),
                Arguments.of(one("\"name\": \"a\", \"numbers\": [\"+1 555 0001\"]"), "must be an E.164 number"),
                Arguments.of(one("\"name\": \"a\", \"numbers\": [\"+05550001\"]"), "must be an E.164 number"),
                Arguments.of("{\"profiles\": [{\"name\": \"a\", \"numbers\": [\"+15550001\"]},"
                        + " {\"name\": \"b\", \"numbers\": [\"+15550002\", \"+15550001\"]}]}",
                        "profiles[1] \"b\", field \"numbers\": +15550001 is already answered by profile \"a\""),
                Arguments.of(one("\"name\": \"a\", \"voice\": \"nova\""),
                        "profiles[0] \"a\", field \"voice\": must be one of alloy, ash, ballad, cedar, coral, echo, "
                                + "marin, sage, shimmer, verse"),
                Arguments.of(one("\"name\": \"a\", \"voice\": {\"id\": \"voice_1234\"}"),
                        "field \"voice\": must be a non-empty string"),
                Arguments.of(one("\"name\": \"a\", \"language\": \"German\""),
                        "field \"language\": must be an ISO-639-1 code such as \"en\" or \"de\""),
                Arguments.of(one("\"name\": \"a\", \"language\": \"de-DE\""), "must be an ISO-639-1 code"),
                Arguments.of(one("\"name\": \"a\", \"instructions\": \" \""),
                        "field \"instructions\": must be a non-empty string"),
                Arguments.of(one("\"name\": \"a\", \"greeting\": 42"), "field \"greeting\": must be a non-empty string"),
                Arguments.of(one("\"name\": \"a\", \"tools\": [\"get_weather\"]"),
                        "profiles[0] \"a\", field \"tools\": there is no tool or MCP server named get_weather (known: "
                                + "book_table, crm, current_time, get_order_status)"),
                Arguments.of(one("\"name\": \"a\", \"tools\": [\"end_call\"]"),
                        "field \"tools\": end_call is one of the call's own tools"),
                Arguments.of(one("\"name\": \"a\", \"tools\": \"current_time\""),
                        "field \"tools\": must be a list of non-empty strings"),
                Arguments.of(one("\"name\": \"a\", \"transfer_targets\": [\"legal\"]"),
                        "profiles[0] \"a\", field \"transfer_targets\": TRANSFER_TARGETS has no target named legal "
                                + "(it names: sales, support)"),
                Arguments.of(one("\"name\": \"a\", \"transfer_targets\": {\"legal\": \"+15550199\"}"),
                        "field \"transfer_targets\": must be a list of non-empty strings"),
                Arguments.of(one("\"name\": \"a\", \"recording\": \"mono\""),
                        "profiles[0] \"a\", field \"recording\": must be \"off\" or \"dual\""),
                Arguments.of(one("\"name\": \"a\", \"recording\": true"), "field \"recording\": must be a non-empty string"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeIsRefusedWithOneLineNamingTheFileTheProfileAndTheField(String content, String expected)
            throws IOException {
        Path file = Files.writeString(dir.resolve("profiles.json"), content);

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> reader.read(file, KNOWN));

        String message = refused.getMessage();
        assertEquals(true, message.startsWith("PROFILES_FILE " + file + ": "), message);
        assertEquals(true, message.contains(expected), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void aTargetIsRefusedWhenNoTransferTargetsAreConfigured() throws IOException {
        Path file = Files.writeString(dir.resolve("profiles.json"), one("\"name\": \"a\", \"transfer_targets\": [\"sales\"]"));
        ProfilesFileReader.Known none = new ProfilesFileReader.Known(KNOWN.tools(), KNOWN.callTools(), Set.of());

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> reader.read(file, none));

        assertEquals(true, refused.getMessage().endsWith("TRANSFER_TARGETS has no target named sales (it names: none)"),
                refused.getMessage());
    }

    @Test
    void aMissingFileIsRefusedByName() {
        Path missing = dir.resolve("nowhere.json");
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> reader.read(missing, KNOWN));
        assertEquals("PROFILES_FILE " + missing + ": cannot be read (NoSuchFileException)", refused.getMessage());
    }

    private static String one(String fields) {
        return "{\"profiles\": [{" + fields + "}]}";
    }
}
