package dev.aivoicebot.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code {to, from?, profile?, greeting?, context?}}: a JSON object with no other fields, {@code to} and
 * {@code from} E.164 numbers, {@code profile} a name, the texts bounded. Anything else is a 400 naming the field.
 * Whether the numbers are allowed is {@link Destinations}'s to say.
 */
final class CallRequestParser {

    static final int MAX_GREETING = 500;
    static final int MAX_CONTEXT = 2_000;
    private static final Set<String> FIELDS = Set.of("to", "from", "profile", "greeting", "context");
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");

    /** The request as read; {@code from}, {@code profile} and {@code greeting} null when not given. */
    record CallRequest(String to, String from, String profile, String greeting, String context) {
    }

    private final ObjectMapper json;

    CallRequestParser(ObjectMapper json) {
        this.json = json;
    }

    CallRequest parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            throw invalid("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("the body must be a JSON object {\"to\": \"+1…\", …}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid("unknown field '" + name + "'; allowed: to, from, profile, greeting, context");
            }
        }
        String to = text(root, "to", 16);
        if (to == null) {
            throw invalid("'to' is required: the number to call, in E.164 (+15550100)");
        }
        number(to, "to");
        String from = text(root, "from", 16);
        if (from != null) {
            number(from, "from");
        }
        String profile = text(root, "profile", 32);
        if (profile != null && !PROFILE.matcher(profile).matches()) {
            throw invalid("'profile' must be a name: a letter, then letters, digits, _ or -");
        }
        String greeting = text(root, "greeting", MAX_GREETING);
        String context = text(root, "context", MAX_CONTEXT);
        return new CallRequest(to, from, profile, greeting, context == null ? "" : context);
    }

    private static void number(String value, String field) {
        if (!Destinations.E164.matcher(value).matches()) {
            throw invalid("'" + field + "' must be an E.164 number such as +15550100");
        }
    }

    /** A string field, stripped; null when absent, null or blank. */
    private static String text(JsonNode root, String field, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid("'" + field + "' must be a string");
        }
        String value = node.asText().strip();
        if (value.length() > max) {
            throw invalid("'" + field + "' is longer than " + max + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    private static OutboundException invalid(String message) {
        return new OutboundException(Response.Status.BAD_REQUEST, "invalid_request", message);
    }
}
