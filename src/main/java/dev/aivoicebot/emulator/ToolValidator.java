package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The checks {@code session.tools} and {@code session.tool_choice} must pass, refused the way the real service
 * refuses a bad request: an invalid_request_error naming the offending parameter.
 */
final class ToolValidator {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final int MAX_NAME = 64;
    private static final Set<String> CHOICES = Set.of("none", "auto", "required");
    private static final Set<String> FILTER_FIELDS = Set.of("tool_names", "read_only");
    private static final Set<String> APPROVAL_FIELDS = Set.of("always", "never");

    private ToolValidator() {
    }

    /** {@code currentTools}: the session's tools, which a tool_choice must name when the update brings none. */
    static void check(JsonNode session, JsonNode currentTools) {
        JsonNode tools = session.get("tools");
        if (tools != null) {
            if (!tools.isArray()) {
                throw ClientError.invalidType("session.tools", "an array", tools);
            }
            for (int i = 0; i < tools.size(); i++) {
                checkTool(tools.get(i), "session.tools[" + i + "]");
            }
        }
        JsonNode choice = session.get("tool_choice");
        if (choice != null) {
            checkChoice(choice, tools != null ? tools : currentTools);
        }
    }

    private static void checkTool(JsonNode tool, String param) {
        if (!tool.isObject()) {
            throw ClientError.invalidType(param, "an object", tool);
        }
        String type = requiredString(tool, "type", param);
        switch (type) {
            case "function" -> checkFunction(tool, param);
            case "mcp" -> checkMcp(tool, param);
            default -> throw ClientError.invalidValue("Invalid value: '" + type
                    + "'. Supported values are: 'function' and 'mcp'.", param + ".type");
        }
    }

    private static void checkFunction(JsonNode tool, String param) {
        String name = requiredString(tool, "name", param);
        if (name.length() > MAX_NAME) {
            throw new ClientError(ClientError.INVALID_REQUEST, "string_above_max_length", "Invalid '" + param
                    + ".name': string too long. Expected a string with maximum length " + MAX_NAME
                    + ", but got a string with length " + name.length() + " instead.", param + ".name");
        }
        if (!NAME.matcher(name).matches()) {
            throw ClientError.invalidValue("Invalid '" + param + ".name': string does not match pattern. "
                    + "Expected a string that matches the pattern '" + NAME.pattern() + "'.", param + ".name");
        }
        optional(tool, "description", param, "a string", JsonNode::isTextual);
        optional(tool, "parameters", param, "an object", JsonNode::isObject);
    }

    private static void checkMcp(JsonNode tool, String param) {
        requiredString(tool, "server_label", param);
        optional(tool, "connector_id", param, "a string", JsonNode::isTextual);
        if (!tool.has("connector_id")) {
            String url = requiredString(tool, "server_url", param);
            if (!isHttpUrl(url)) {
                throw ClientError.invalidValue("Invalid URL: '" + url + "'.", param + ".server_url");
            }
        }
        JsonNode headers = tool.path("headers");
        optional(tool, "headers", param, "an object", node -> node.isNull() || node.isObject());
        headers.fields().forEachRemaining(header -> {
            if (!header.getValue().isTextual()) {
                throw ClientError.invalidType(param + ".headers." + header.getKey(), "a string", header.getValue());
            }
        });
        JsonNode allowed = tool.path("allowed_tools");
        if (allowed.isArray()) {
            checkNames(allowed, param + ".allowed_tools");
        } else if (!allowed.isMissingNode() && !allowed.isNull()) {
            checkFilter(allowed, param + ".allowed_tools");
        }
        JsonNode approval = tool.path("require_approval");
        if (approval.isTextual()) {
            if (!APPROVAL_FIELDS.contains(approval.asText())) {
                throw ClientError.invalidValue("Invalid value: '" + approval.asText()
                        + "'. Supported values are: 'always' and 'never'.", param + ".require_approval");
            }
        } else if (approval.isObject()) {
            checkOnly(approval, APPROVAL_FIELDS, param + ".require_approval");
            approval.fields().forEachRemaining(policy ->
                    checkFilter(policy.getValue(), param + ".require_approval." + policy.getKey()));
        } else if (!approval.isMissingNode() && !approval.isNull()) {
            throw ClientError.invalidType(param + ".require_approval", "one of a string or an object", approval);
        }
    }

    private static void checkChoice(JsonNode choice, JsonNode tools) {
        String param = "session.tool_choice";
        if (choice.isTextual()) {
            if (!CHOICES.contains(choice.asText())) {
                throw ClientError.invalidValue("Invalid value: '" + choice.asText()
                        + "'. Supported values are: 'none', 'auto', and 'required'.", param);
            }
            return;
        }
        if (!choice.isObject()) {
            throw ClientError.invalidType(param, "one of a string or an object", choice);
        }
        String type = requiredString(choice, "type", param);
        String field = switch (type) {
            case "function" -> "name";
            case "mcp" -> "server_label";
            default -> throw ClientError.invalidValue("Invalid value: '" + type
                    + "'. Supported values are: 'function' and 'mcp'.", param + ".type");
        };
        String wanted = requiredString(choice, field, param);
        for (JsonNode tool : tools) {
            if (type.equals(tool.path("type").asText()) && wanted.equals(tool.path(field).asText())) {
                return;
            }
        }
        throw ClientError.invalidValue("Tool choice '" + type + "' with " + field + " '" + wanted
                + "' is not one of the session's tools.", param + "." + field);
    }

    private static void checkFilter(JsonNode filter, String param) {
        if (!filter.isObject()) {
            throw ClientError.invalidType(param, "an object", filter);
        }
        checkOnly(filter, FILTER_FIELDS, param);
        if (filter.has("tool_names")) {
            if (!filter.get("tool_names").isArray()) {
                throw ClientError.invalidType(param + ".tool_names", "an array", filter.get("tool_names"));
            }
            checkNames(filter.get("tool_names"), param + ".tool_names");
        }
        optional(filter, "read_only", param, "a boolean", JsonNode::isBoolean);
    }

    private static void checkNames(JsonNode names, String param) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isTextual()) {
                throw ClientError.invalidType(param + "[" + i + "]", "a string", names.get(i));
            }
        }
    }

    private static void checkOnly(JsonNode object, Set<String> fields, String param) {
        object.fieldNames().forEachRemaining(field -> {
            if (!fields.contains(field)) {
                throw new ClientError(ClientError.INVALID_REQUEST, "unknown_parameter",
                        "Unknown parameter: '" + param + "." + field + "'.", param + "." + field);
            }
        });
    }

    private static String requiredString(JsonNode object, String field, String param) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw ClientError.missing(param + "." + field);
        }
        if (!value.isTextual()) {
            throw ClientError.invalidType(param + "." + field, "a string", value);
        }
        return value.asText();
    }

    private static void optional(JsonNode object, String field, String param, String expected,
            Predicate<JsonNode> valid) {
        JsonNode value = object.get(field);
        if (value != null && !valid.test(value)) {
            throw ClientError.invalidType(param + "." + field, expected, value);
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
