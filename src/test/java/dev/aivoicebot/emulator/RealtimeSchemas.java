package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAI's published Realtime event schemas (src/test/resources/openai-realtime-schemas.json), keyed by
 * the event {@code type} each one's enum names, for validating what crosses the emulator's socket.
 */
final class RealtimeSchemas {

    private static final String RESOURCE = "openai-realtime-schemas.json";

    /**
     * Draft 2020-12 (what OpenAPI 3.1 schemas are) with OpenAPI's extra keywords ({@code discriminator},
     * {@code x-…}) kept as plain annotations: the document's discriminators have no mapping, and the
     * anyOf/oneOf next to them already say everything that can be validated.
     */
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();
    private static final RealtimeSchemas INSTANCE = new RealtimeSchemas();

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchemaFactory factory;
    private final Map<String, String> clientDefinitions;
    private final Map<String, String> serverDefinitions;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private RealtimeSchemas() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            JsonNode document = json.readTree(in);
            int relaxed = relaxOpenStringUnions(document);
            if (relaxed == 0) {
                throw new IllegalStateException("no open string union in " + RESOURCE + ": is the relaxing still needed?");
            }
            String patched = json.writeValueAsString(document);
            factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                    .metaSchema(DIALECT)
                    .schemaLoaders(loaders -> loaders.schemas(Map.of("classpath:" + RESOURCE, patched))));
            JsonNode schemas = document.path("components").path("schemas");
            clientDefinitions = byType(schemas, "RealtimeClientEvent");
            serverDefinitions = byType(schemas, "RealtimeServerEvent");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RealtimeSchemas get() {
        return INSTANCE;
    }

    /** Problems of one client event; empty when it matches the schema of its type. */
    List<String> validateClientEvent(String rawJson) {
        return validate(rawJson, clientDefinitions);
    }

    /** Problems of one server event; empty when it matches the schema of its type. */
    List<String> validateServerEvent(String rawJson) {
        return validate(rawJson, serverDefinitions);
    }

    private List<String> validate(String rawJson, Map<String, String> definitions) {
        JsonNode event;
        try {
            event = json.readTree(rawJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        String definition = definitions.get(event.path("type").asText());
        if (definition == null) {
            return List.of("no schema for event type '" + event.path("type").asText() + "'");
        }
        JsonSchema schema = compiled.computeIfAbsent(definition, name -> factory.getSchema(
                SchemaLocation.of("classpath:" + RESOURCE + "#/components/schemas/" + name)));
        return schema.validate(rawJson, InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * The document writes "any string, or one of these" as {@code oneOf: [{type: string}, {type: string, enum: [auto,
     * none]}]}, which no listed value can pass: "none" matches both branches, and oneOf wants exactly one. It means
     * anyOf (the generator's union of an open and a known set), so it is read as anyOf. Returns how many were found.
     */
    private static int relaxOpenStringUnions(JsonNode node) {
        int relaxed = 0;
        if (node instanceof ObjectNode object) {
            JsonNode oneOf = object.get("oneOf");
            if (oneOf != null && oneOf.isArray() && oneOf.size() > 1 && isOpenStringUnion(oneOf)) {
                object.set("anyOf", object.remove("oneOf"));
                relaxed++;
            }
        }
        for (JsonNode child : node) {
            relaxed += relaxOpenStringUnions(child);
        }
        return relaxed;
    }

    /** Every branch is a string, and one of them is any string. */
    private static boolean isOpenStringUnion(JsonNode branches) {
        boolean open = false;
        for (JsonNode branch : branches) {
            if (!"string".equals(branch.path("type").asText())) {
                return false;
            }
            open |= !branch.has("enum") && !branch.has("const") && !branch.has("pattern");
        }
        return open;
    }

    /** "session.update" → "RealtimeClientEventSessionUpdate", from each definition's type enum. */
    private static Map<String, String> byType(JsonNode schemas, String prefix) {
        Map<String, String> byType = new HashMap<>();
        schemas.fields().forEachRemaining(entry -> {
            JsonNode type = entry.getValue().path("properties").path("type").path("enum").path(0);
            if (entry.getKey().startsWith(prefix) && type.isTextual()) {
                byType.put(type.asText(), entry.getKey());
            }
        });
        return byType;
    }
}
