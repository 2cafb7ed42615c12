package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tool parameter schemas: whether one is usable (checked at start-up), and what is wrong with a model's
 * arguments. JSON Schema 2020-12 unless a schema names another draft in {@code $schema}. Nothing is ever fetched:
 * the known meta-schemas ship inside the validator, and only local {@code $ref}s ({@code #/…}) are allowed.
 */
final class ParameterSchemas {

    private static final Set<String> KNOWN_DRAFTS = Set.of(SchemaId.V4, SchemaId.V6, SchemaId.V7, SchemaId.V201909,
            SchemaId.V202012);
    private static final int MESSAGES_SHOWN = 3;
    /** English messages whatever the machine's locale: they are read by the model. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema META_SCHEMA = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);

    private ParameterSchemas() {
    }

    /** The schema of a tool that takes no arguments. */
    static JsonNode none() {
        return JsonNodeFactory.instance.objectNode().put("type", "object").set("properties",
                JsonNodeFactory.instance.objectNode());
    }

    /** Why {@code parameters} cannot serve as a tool's parameter schema, if it cannot. */
    static Optional<String> problem(JsonNode parameters) {
        if (parameters == null || !parameters.isObject()) {
            return Optional.of("must be a JSON Schema object");
        }
        if (!"object".equals(parameters.path("type").asText())) {
            return Optional.of("must be a JSON Schema with \"type\": \"object\"");
        }
        JsonNode draft = parameters.path("$schema");
        if (!draft.isMissingNode() && !KNOWN_DRAFTS.contains(draft.asText())) {
            return Optional.of("names an unknown $schema (use draft-04, -06, -07, 2019-09 or 2020-12)");
        }
        Optional<String> remote = remoteReference(parameters);
        if (remote.isPresent()) {
            return remote;
        }
        Set<ValidationMessage> errors = META_SCHEMA.validate(parameters);
        if (!errors.isEmpty()) {
            return Optional.of("is not a valid JSON Schema: " + summary(errors));
        }
        try {
            compile(parameters);
        } catch (RuntimeException e) {
            return Optional.of("is not a valid JSON Schema: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The compiled schema of parameters {@link #problem} found usable. */
    static JsonSchema compile(JsonNode parameters) {
        JsonSchema schema = FACTORY.getSchema(parameters, CONFIG);
        schema.initializeValidators(); // surfaces a bad $ref or pattern now rather than at the first call
        return schema;
    }

    /** What is wrong with {@code arguments}, in a few words for the model; empty when they match. */
    static Optional<String> mismatch(JsonSchema schema, JsonNode arguments) {
        Set<ValidationMessage> errors = schema.validate(arguments);
        return errors.isEmpty() ? Optional.empty() : Optional.of(summary(errors));
    }

    private static String summary(Set<ValidationMessage> errors) {
        List<String> messages = errors.stream().map(ValidationMessage::getMessage).sorted().toList();
        String shown = String.join("; ", messages.subList(0, Math.min(MESSAGES_SHOWN, messages.size())));
        return messages.size() > MESSAGES_SHOWN ? shown + "; and " + (messages.size() - MESSAGES_SHOWN) + " more" : shown;
    }

    private static Optional<String> remoteReference(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean reference = field.getKey().equals("$ref") || field.getKey().equals("$dynamicRef");
                if (reference && !field.getValue().asText().startsWith("#")) {
                    return Optional.of("may only use local references (\"" + field.getKey() + "\": \"#/…\")");
                }
                Optional<String> nested = remoteReference(field.getValue());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> nested = remoteReference(element);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
