package dev.aivoicebot.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Optional;

/**
 * CALL_OUTCOME_SCHEMA, and the minimal check of what the model answers against it: the declared type, the
 * {@code required} properties, and each declared property's type and {@code enum}. Enough to keep an answer of the
 * wrong shape out of a business's records; not a full JSON Schema validator.
 */
final class OutcomeSchema {

    private final ObjectNode schema;

    private OutcomeSchema(ObjectNode schema) {
        this.schema = schema;
    }

    /** Reads the configured schema; a value that is not a JSON object stops the start, naming the variable. */
    static OutcomeSchema parse(String text, ObjectMapper json) {
        JsonNode schema;
        try {
            schema = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("CALL_OUTCOME_SCHEMA is not JSON: " + e.getOriginalMessage());
        }
        if (!(schema instanceof ObjectNode object)) {
            throw new ConfigurationException("CALL_OUTCOME_SCHEMA must be a JSON Schema object");
        }
        return new OutcomeSchema(object);
    }

    ObjectNode schema() {
        return schema;
    }

    /** What is wrong with {@code value}, or empty when it has the schema's shape. */
    Optional<String> problem(JsonNode value) {
        Optional<String> wrongType = typeProblem("the outcome", schema, value);
        if (wrongType.isPresent() || !value.isObject()) {
            return wrongType;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                return Optional.of("\"" + required.asText() + "\" is missing");
            }
        }
        var properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            var property = properties.next();
            JsonNode given = value.get(property.getKey());
            if (given != null) {
                Optional<String> problem = typeProblem("\"" + property.getKey() + "\"", property.getValue(), given);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> typeProblem(String what, JsonNode schema, JsonNode value) {
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && !contains(allowed, value)) {
            return Optional.of(what + " is not one of " + allowed);
        }
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "null" -> value.isNull();
            default -> true; // no type, or a list of types: not checked
        };
        return ok ? Optional.empty() : Optional.of(what + " is not of type " + type);
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
