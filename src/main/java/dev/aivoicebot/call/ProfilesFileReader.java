package dev.aivoicebot.call;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.aivoicebot.tools.FileEntry;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads PROFILES_FILE and checks all of it before the first call: names unique, numbers E.164 and each answered by
 * one profile, voices the Realtime API has, languages ISO-639-1, tools and transfer targets that exist. The first
 * problem stops the start-up with one line naming the file, the profile and the field (docs/profiles.md).
 */
final class ProfilesFileReader {

    /** The Realtime API's built-in voices. */
    static final Set<String> VOICES = Set.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse",
            "marin", "cedar");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Set<String> FILE_FIELDS = Set.of("profiles");
    private static final Set<String> PROFILE_FIELDS = Set.of("name", "numbers", "instructions", "voice", "greeting",
            "language", "tools", "transfer_targets", "recording");

    /** What a profile's lists may name, and the call's own tools, which other settings offer. */
    record Known(Set<String> tools, Set<String> callTools, Set<String> transferTargets) {
    }

    private final ObjectReader json;

    ProfilesFileReader(ObjectMapper json) {
        this.json = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** @throws ConfigurationException for the first problem found */
    List<ProfileSpec> read(Path path, Known known) {
        String file = "PROFILES_FILE " + path;
        JsonNode root = FileEntry.parse(json, path, file);
        new FileEntry(file, "the file", root, FILE_FIELDS);
        JsonNode list = root.get("profiles");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ConfigurationException(file + ": \"profiles\" must be a list of at least one profile");
        }
        List<ProfileSpec> profiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> numbers = new HashMap<>();
        int index = 0;
        for (JsonNode node : list) {
            FileEntry entry = new FileEntry(file, "profiles[" + index++ + "]", node, PROFILE_FIELDS);
            ProfileSpec profile = profile(entry, known);
            if (!names.add(profile.name())) {
                throw entry.problem("name", "is already the name of another profile");
            }
            for (String number : profile.numbers()) {
                String earlier = numbers.putIfAbsent(number, profile.name());
                if (earlier != null) {
                    throw entry.problem("numbers", number + " is already answered by profile \"" + earlier + "\"");
                }
            }
            profiles.add(profile);
        }
        return List.copyOf(profiles);
    }

    private static ProfileSpec profile(FileEntry entry, Known known) {
        String name = entry.name("name");
        List<String> numbers = entry.names("numbers").orElse(List.of());
        numbers.stream().filter(number -> !E164.matcher(number).matches()).findFirst().ifPresent(number -> {
            throw entry.problem("numbers", "each must be an E.164 number such as +15550100");
        });
        Optional<String> voice = entry.optionalText("voice");
        voice.filter(v -> !VOICES.contains(v)).ifPresent(v -> {
            throw entry.problem("voice", "must be one of " + sorted(VOICES));
        });
        Optional<String> language = entry.optionalText("language");
        language.filter(l -> !LANGUAGE.matcher(l).matches()).ifPresent(l -> {
            throw entry.problem("language", "must be an ISO-639-1 code such as \"en\" or \"de\"");
        });
        Optional<List<String>> tools = entry.names("tools");
        tools.ifPresent(list -> list.forEach(tool -> {
            if (known.callTools().contains(tool)) {
                throw entry.problem("tools", tool + " is one of the call's own tools (" + sorted(known.callTools())
                        + "): end_call is always offered, transfer_call follows transfer_targets, the recording tools "
                        + "follow recording");
            }
            if (!known.tools().contains(tool)) {
                throw entry.problem("tools", "there is no tool or MCP server named " + tool + " (known: "
                        + sorted(known.tools()) + ")");
            }
        }));
        Optional<List<String>> targets = entry.names("transfer_targets");
        targets.ifPresent(list -> list.stream().filter(target -> !known.transferTargets().contains(target)).findFirst()
                .ifPresent(target -> {
                    throw entry.problem("transfer_targets", "TRANSFER_TARGETS has no target named " + target
                            + " (it names: " + (known.transferTargets().isEmpty() ? "none"
                                    : String.join(", ", known.transferTargets())) + ")");
                }));
        Optional<String> recording = entry.optionalText("recording");
        recording.filter(mode -> !mode.equals("off") && !mode.equals("dual")).ifPresent(mode -> {
            throw entry.problem("recording", "must be \"off\" or \"dual\"");
        });
        return new ProfileSpec(name, numbers, entry.optionalText("instructions"), voice, entry.optionalText("greeting"),
                language, tools, targets, recording);
    }

    private static String sorted(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names.stream().sorted().toList());
    }
}
