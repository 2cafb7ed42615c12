package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Every tool of the service, from its two sources: the Java tools (each {@link AssistantTool} bean, the built-ins
 * among them, by name) and TOOLS_FILE's HTTP tools and remote MCP servers, in the file's order. Built and checked at start-up, so a bad file or
 * a missing production setting stops the start with one line instead of failing the first call. Each session
 * declares {@link #sessionTools()}; {@link ToolRunner} runs what the model calls.
 */
@Startup
@ApplicationScoped
public class ToolRegistry {

    private static final Logger LOG = Logger.getLogger(ToolRegistry.class);

    private final Map<String, RegisteredTool> tools = new LinkedHashMap<>();
    private final List<McpServer> servers;
    private final List<Object> sessionTools = new ArrayList<>();

    @Inject
    ToolRegistry(ToolsConfig config, @All List<AssistantTool> javaTools, ObjectMapper json, HttpToolClient http,
            Config variables) {
        this(config, javaTools, json, http, name -> Optional.ofNullable(System.getenv(name))
                .filter(value -> !value.isBlank()).or(() -> variables.getOptionalValue(name, String.class)),
                LaunchMode.current());
    }

    ToolRegistry(ToolsConfig config, List<AssistantTool> javaTools, ObjectMapper json, HttpToolClient http,
            Function<String, Optional<String>> variables, LaunchMode mode) {
        if (config.timeout().isNegative() || config.timeout().isZero()) {
            throw new ConfigurationException("TOOL_TIMEOUT must be a positive duration such as 8s.");
        }
        Map<String, String> owners = new LinkedHashMap<>();
        for (AssistantTool tool : javaTools.stream().sorted(Comparator.comparing(AssistantTool::name,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList()) {
            addJavaTool(tool, config.timeout(), owners);
        }
        ToolsFile file = config.file().filter(path -> !path.isBlank())
                .map(path -> new ToolsFileReader(json, new Placeholders(variables)).read(Path.of(path), owners))
                .orElse(ToolsFile.NONE);
        signingProblem(mode, !file.tools().isEmpty(), config.signingSecret()).ifPresent(problem -> {
            throw new ConfigurationException(problem);
        });
        for (HttpTool tool : file.tools()) {
            Duration timeout = tool.timeout().orElse(config.timeout());
            add(tool.name(), tool.description(), tool.parameters(), timeout,
                    (arguments, call) -> http.call(tool, timeout, arguments, call));
        }
        servers = file.mcp();
        servers.forEach(server -> sessionTools.add(ToolDeclarations.McpTool.of(server)));
        if (!file.tools().isEmpty() && config.signingSecret().filter(s -> !s.isBlank()).isEmpty()) {
            LOG.warn("TOOLS_SIGNING_SECRET is not set: HTTP tool requests are sent unsigned (refused in production)");
        }
        LOG.infof("Tools: %s%s", String.join(", ", tools.keySet()), servers.isEmpty() ? ""
                : "; remote MCP servers: " + String.join(", ", servers.stream().map(McpServer::serverLabel).toList()));
    }

    /** The declarations for {@code session.tools}: function tools, then MCP servers; serialized as they are by Jackson. */
    public List<Object> sessionTools() {
        return Collections.unmodifiableList(sessionTools);
    }

    /** Whether the model may call a function of this name. */
    public boolean isKnown(String name) {
        return name != null && tools.containsKey(name);
    }

    /** The names of every function tool, in declaration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(tools.keySet());
    }

    /**
     * Whether to grant an MCP approval request: the server's {@code approve} list in TOOLS_FILE names the tool.
     * Anything else is declined.
     */
    public boolean approves(String serverLabel, String toolName) {
        return servers.stream().anyMatch(server -> server.serverLabel().equals(serverLabel)
                && server.approve().contains(toolName));
    }

    /** The labels of the remote MCP servers TOOLS_FILE declares. */
    public Set<String> mcpServers() {
        return servers.stream().map(McpServer::serverLabel).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Optional<RegisteredTool> tool(String name) {
        return Optional.ofNullable(name).map(tools::get);
    }

    /** Why production must not start: HTTP tools without a signing secret, or one too short to be one. */
    static Optional<String> signingProblem(LaunchMode mode, boolean httpTools, Optional<String> secret) {
        Optional<String> set = secret.filter(s -> !s.isBlank());
        if (set.isPresent() && set.get().getBytes(StandardCharsets.UTF_8).length < 16) {
            return Optional.of("TOOLS_SIGNING_SECRET must be at least 16 characters (it signs every HTTP tool request).");
        }
        if (mode == LaunchMode.NORMAL && httpTools && set.isEmpty()) {
            return Optional.of("TOOLS_SIGNING_SECRET is not set, but TOOLS_FILE declares HTTP tools: in production every "
                    + "tool request must be signed so the business can reject forged ones. Set TOOLS_SIGNING_SECRET to "
                    + "a random value of at least 16 characters, shared with the tools' servers.");
        }
        return Optional.empty();
    }

    private void addJavaTool(AssistantTool tool, Duration defaultTimeout, Map<String, String> owners) {
        String owner = "Java tool " + ClientProxy.unwrap(tool).getClass().getName();
        String name = tool.name();
        if (name == null || !FileEntry.NAME.matcher(name).matches()) {
            throw new ConfigurationException(owner + ": its name must match ^[a-zA-Z0-9_-]{1,64}$");
        }
        String earlier = owners.putIfAbsent(name, owner);
        if (earlier != null) {
            throw new ConfigurationException(owner + ": the name \"" + name + "\" is already the name of " + earlier);
        }
        if (tool.description() == null || tool.description().isBlank()) {
            throw new ConfigurationException(owner + " \"" + name + "\": its description is empty");
        }
        JsonNode parameters = tool.parameters();
        ParameterSchemas.problem(parameters).ifPresent(problem -> {
            throw new ConfigurationException(owner + " \"" + name + "\": its parameters " + problem);
        });
        Duration timeout = tool.timeout().orElse(defaultTimeout);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException(owner + " \"" + name + "\": its timeout must be positive");
        }
        add(name, tool.description(), parameters, timeout, tool::call);
    }

    private void add(String name, String description, JsonNode parameters, Duration timeout,
            RegisteredTool.Invocation invocation) {
        JsonNode declared = parameters.deepCopy();
        tools.put(name, new RegisteredTool(name, timeout, ParameterSchemas.compile(declared), invocation));
        sessionTools.add(new ToolDeclarations.FunctionTool(name, description, declared));
    }
}
