package dev.aivoicebot.tools;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads TOOLS_FILE and checks everything that can be checked before a call: names unique and well formed,
 * parameters a usable JSON Schema, URLs absolute, every ${NAME} set, no field that is not one. The first problem
 * stops the start-up with one line naming the file, the entry and the field (docs/tools.md has the format).
 */
final class ToolsFileReader {

    private static final Set<String> FILE_FIELDS = Set.of("tools", "mcp");
    private static final Set<String> TOOL_FIELDS = Set.of("name", "description", "parameters", "url", "headers",
            "timeout");
    private static final Set<String> MCP_FIELDS = Set.of("server_label", "server_url", "server_description", "headers",
            "allowed_tools", "require_approval", "approve");
    private static final Set<String> APPROVAL_POLICIES = Set.of("always", "never");
    private static final Set<String> APPROVAL_FILTER_FIELDS = Set.of("tool_names", "read_only");

    private final ObjectReader json;
    private final Placeholders placeholders;

    ToolsFileReader(ObjectMapper json, Placeholders placeholders) {
        this.json = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.placeholders = placeholders;
    }

    /**
     * The tools of the file at {@code path}. {@code taken} maps the names of the Java tools to what declares them,
     * since a file's tool may not reuse one.
     *
     * @throws ConfigurationException for the first problem found
     */
    ToolsFile read(Path path, Map<String, String> taken) {
        String file = "TOOLS_FILE " + path;
        JsonNode root = FileEntry.parse(json, path, file);
        new FileEntry(file, "the file", root, FILE_FIELDS);
        List<HttpTool> tools = new ArrayList<>();
        Map<String, String> names = new HashMap<>(taken);
        int index = 0;
        for (JsonNode node : list(root, "tools", file)) {
            String position = "tools[" + index++ + "]";
            FileEntry entry = new FileEntry(file, position, node, TOOL_FIELDS);
            HttpTool tool = tool(entry);
            String earlier = names.putIfAbsent(tool.name(), position);
            if (earlier != null) {
                throw entry.problem("name", "is already the name of " + earlier);
            }
            tools.add(tool);
        }
        List<McpServer> servers = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        index = 0;
        for (JsonNode node : list(root, "mcp", file)) {
            FileEntry entry = new FileEntry(file, "mcp[" + index++ + "]", node, MCP_FIELDS);
            McpServer server = server(entry);
            if (!labels.add(server.serverLabel())) {
                throw entry.problem("server_label", "is already the label of another MCP server");
            }
            servers.add(server);
        }
        return new ToolsFile(List.copyOf(tools), List.copyOf(servers));
    }

    private HttpTool tool(FileEntry entry) {
        String name = entry.name("name");
        String description = entry.requiredText("description");
        JsonNode parameters = entry.optional("parameters").orElseGet(ParameterSchemas::none);
        ParameterSchemas.problem(parameters).ifPresent(problem -> {
            throw entry.problem("parameters", problem);
        });
        return new HttpTool(name, description, parameters, entry.url("url"), entry.headers("headers", placeholders),
                entry.timeout("timeout"));
    }

    private McpServer server(FileEntry entry) {
        String label = entry.name("server_label");
        Optional<List<String>> allowed = entry.names("allowed_tools");
        Set<String> approve = new LinkedHashSet<>(entry.names("approve").orElse(List.of()));
        allowed.ifPresent(tools -> approve.stream().filter(tool -> !tools.contains(tool)).findFirst().ifPresent(tool -> {
            throw entry.problem("approve", "names a tool that is not in allowed_tools");
        }));
        Optional<JsonNode> approval = entry.optional("require_approval");
        approval.filter(policy -> !isApprovalPolicy(policy)).ifPresent(policy -> {
            throw entry.problem("require_approval", "must be \"always\", \"never\", or an object like "
                    + "{\"never\": {\"tool_names\": [...]}}");
        });
        return new McpServer(label, entry.url("server_url"), entry.optionalText("server_description"),
                entry.headers("headers", placeholders), allowed, approval, Set.copyOf(approve));
    }

    /** {@code "always"}, {@code "never"}, or {@code {"always"|"never": {"tool_names": [...], "read_only": bool}}}. */
    private static boolean isApprovalPolicy(JsonNode policy) {
        if (policy.isTextual()) {
            return APPROVAL_POLICIES.contains(policy.asText());
        }
        if (!policy.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> filter : (Iterable<Map.Entry<String, JsonNode>>) policy::fields) {
            JsonNode value = filter.getValue();
            boolean ok = APPROVAL_POLICIES.contains(filter.getKey()) && value.isObject()
                    && APPROVAL_FILTER_FIELDS.containsAll(iterableNames(value))
                    && (!value.has("tool_names") || value.get("tool_names").isArray())
                    && (!value.has("read_only") || value.get("read_only").isBoolean());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> iterableNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Iterable<JsonNode> list(JsonNode root, String field, String file) {
        JsonNode list = root.get(field);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigurationException(file + ": \"" + field + "\" must be a list");
        }
        return list;
    }
}
