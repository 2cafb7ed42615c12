package dev.aivoicebot.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.outbound.ProfileNames;
import dev.aivoicebot.tools.ToolDeclarations.FunctionTool;
import dev.aivoicebot.tools.ToolDeclarations.McpTool;
import dev.aivoicebot.tools.ToolRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Which assistant answers a call: the profile of PROFILES_FILE that lists the number dialed ({@code To}), else the
 * profile named {@code default}, else the assistant of the ASSISTANT_* settings. Read and checked at start-up, so a
 * bad file stops the start with one line; every profile's session is built then, once.
 */
@Startup
@ApplicationScoped
public class AssistantProfiles implements ProfileNames {

    private static final Logger LOG = Logger.getLogger(AssistantProfiles.class);

    private final Map<String, AssistantProfile> byName = new LinkedHashMap<>();
    private final Map<String, AssistantProfile> byNumber = new HashMap<>();
    private final Map<String, List<String>> numbersOf = new LinkedHashMap<>();
    private final AssistantProfile fallback;
    private final boolean fromFile;

    AssistantProfiles(ProfilesConfig config, AssistantSettings settings, ToolRegistry registry,
            TransferTargets transferTargets, RecordingPolicy recording, ObjectMapper json) {
        Optional<Path> file = config.file().filter(path -> !path.isBlank()).map(Path::of);
        this.fromFile = file.isPresent();
        Set<String> tools = new LinkedHashSet<>(registry.names());
        tools.addAll(registry.mcpServers());
        List<ProfileSpec> specs = file.map(path -> new ProfilesFileReader(json).read(path, new ProfilesFileReader.Known(
                tools, AssistantSettings.CALL_TOOLS, transferTargets.names()))).orElse(List.of());
        for (ProfileSpec spec : specs) {
            AssistantProfile profile = build(spec, settings, registry, transferTargets, recording);
            byName.put(spec.name(), profile);
            spec.numbers().forEach(number -> byNumber.put(number, profile));
            numbersOf.put(spec.name(), spec.numbers());
        }
        this.fallback = byName.containsKey(ProfileSpec.DEFAULT) ? byName.get(ProfileSpec.DEFAULT)
                : build(ProfileSpec.fromEnvironment(), settings, registry, transferTargets, recording);
        byName.putIfAbsent(ProfileSpec.DEFAULT, fallback);
    }

    private static AssistantProfile build(ProfileSpec spec, AssistantSettings settings, ToolRegistry registry,
            TransferTargets transferTargets, RecordingPolicy recording) {
        Optional<List<String>> named = spec.tools();
        List<Object> declared = new ArrayList<>();
        for (Object tool : registry.sessionTools()) {
            String name = tool instanceof FunctionTool function ? function.name()
                    : tool instanceof McpTool mcp ? mcp.serverLabel() : null;
            if (named.isEmpty() || named.get().contains(name)) {
                declared.add(tool);
            }
        }
        Set<String> functions = new LinkedHashSet<>(registry.names());
        named.ifPresent(functions::retainAll);
        List<String> targets = transferTargets.offered()
                ? spec.transferTargets().orElse(List.copyOf(transferTargets.names())) : List.of();
        boolean recorded = recording.recorded(spec.recording());
        if (recorded && recording.notice().isEmpty()) {
            throw new ConfigurationException("Profile " + spec.name() + " records its calls, but RECORDING_NOTICE is "
                    + "empty: callers must hear that the call is recorded");
        }
        return settings.profile(spec, declared, functions, targets, recorded);
    }

    void announce(@Observes StartupEvent event) {
        if (!fromFile) {
            return;
        }
        List<String> described = new ArrayList<>();
        numbersOf.forEach((name, numbers) -> described.add(name + (numbers.isEmpty() ? " (by name only)"
                : " (" + String.join(", ", numbers) + ")")));
        LOG.infof("Assistant profiles: %s; other numbers get %s", String.join(", ", described),
                numbersOf.containsKey(ProfileSpec.DEFAULT) ? "the default profile"
                        : "the ASSISTANT_* settings (profile default)");
    }

    /** The profile that answers a call to {@code to}: the one listing that number, else the default. */
    public AssistantProfile forNumber(String to) {
        return to == null ? fallback : byNumber.getOrDefault(to, fallback);
    }

    /** The profile that answers numbers no profile lists. */
    public AssistantProfile defaultProfile() {
        return fallback;
    }

    /** The profile of this name ({@code default} always exists); empty for a name no profile has. */
    public Optional<AssistantProfile> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** Every profile's name, the file's order, {@code default} last unless the file names it. */
    @Override
    public Collection<String> names() {
        return byName.keySet();
    }

    /** Whether PROFILES_FILE is in use: then each call's transcript says which profile answered. */
    public boolean fromFile() {
        return fromFile;
    }
}
