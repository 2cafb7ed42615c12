package dev.aivoicebot.tools;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.aivoicebot.safety.SafeText;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One object of a JSON settings file (a tool or an MCP server of TOOLS_FILE, a profile of PROFILES_FILE) and the
 * reading of its fields. A problem is a {@link ConfigurationException} whose one line names the file, the entry and
 * the field, and never quotes a value (a value may be, or hold, a secret).
 */
public final class FileEntry {

    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Set by the HTTP client or by the service itself. */
    private static final Set<String> RESERVED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "content-type", HttpToolClient.SIGNATURE_HEADER.toLowerCase(Locale.ROOT));

    private final String file;
    private final JsonNode node;
    private String label;

    /** {@code file} names the file, {@code position} the entry ({@code tools[0]}); {@code fields} are all it may have. */
    public FileEntry(String file, String position, JsonNode node, Set<String> fields) {
        this.file = file;
        this.node = node;
        this.label = position;
        if (!node.isObject()) {
            throw new ConfigurationException(file + ": " + position + " must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!fields.contains(field)) {
                throw problem(field, "is not a field of this entry (expected one of " + String.join(", ", fields.stream()
                        .sorted().toList()) + ")");
            }
        }
    }

    /**
     * The JSON document at {@code path}, read with {@code json} (which should detect duplicate keys); {@code file}
     * names it in the one-line problem ("TOOLS_FILE /etc/tools.json").
     */
    public static JsonNode parse(ObjectReader json, Path path, String file) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            JsonNode root = json.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new ConfigurationException(file + ": is empty; it must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigurationException(file + ": is not valid JSON" + where + " ("
                    + SafeText.of(e.getOriginalMessage()) + ")");
        }
    }

    /** A name ({@code ^[a-zA-Z0-9_-]{1,64}$}); from here on, problems name the entry by it too. */
    public String name(String field) {
        String name = requiredText(field);
        if (!NAME.matcher(name).matches()) {
            throw problem(field, "must match ^[a-zA-Z0-9_-]{1,64}$");
        }
        label = label + " \"" + name + "\"";
        return name;
    }

    public String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> problem(field, "is required"));
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw problem(field, "must be a non-empty string");
        }
        return Optional.of(value.asText());
    }

    Optional<JsonNode> optional(String field) {
        return Optional.ofNullable(node.get(field));
    }

    /** An absolute http:// or https:// URL with a host. */
    URI url(String field) {
        String text = requiredText(field);
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw problem(field, "must be an absolute http:// or https:// URL");
    }

    /** Header names and values, each {@code ${NAME}} in a value resolved; empty when the field is absent. */
    Map<String, String> headers(String field, Placeholders placeholders) {
        JsonNode headers = node.get(field);
        if (headers == null) {
            return Map.of();
        }
        if (!headers.isObject()) {
            throw problem(field, "must be an object of header names to string values");
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = headers.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> header = entries.next();
            String name = header.getKey();
            String where = field + "." + name;
            if (!HEADER_NAME.matcher(name).matches()) {
                throw problem(SafeText.of(where), "is not a valid HTTP header name");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw problem(where, "is set by the service and cannot be configured");
            }
            if (!header.getValue().isTextual()) {
                throw problem(where, "must be a string");
            }
            String value;
            try {
                value = placeholders.resolve(header.getValue().asText());
            } catch (IllegalArgumentException e) {
                throw problem(where, e.getMessage());
            }
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw problem(where, "contains a line break or another control character (after ${NAME} substitution)");
            }
            resolved.put(name, value);
        }
        return Map.copyOf(resolved);
    }

    /** A positive duration such as {@code 5s} or {@code 500ms}. */
    Optional<Duration> timeout(String field) {
        return optionalText(field).map(text -> {
            Duration timeout;
            try {
                timeout = DurationConverter.parseDuration(text.strip());
            } catch (IllegalArgumentException e) {
                timeout = null;
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw problem(field, "must be a positive duration such as \"5s\" or \"500ms\"");
            }
            return timeout;
        });
    }

    /** A list of names, e.g. tool names of an MCP server; absent when the field is. */
    public Optional<List<String>> names(String field) {
        JsonNode list = node.get(field);
        if (list == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode name : list) {
                if (!name.isTextual() || name.asText().isBlank()) {
                    break;
                }
                names.add(name.asText());
            }
        }
        if (!list.isArray() || names.size() != list.size()) {
            throw problem(field, "must be a list of non-empty strings");
        }
        return Optional.of(List.copyOf(names));
    }

    public ConfigurationException problem(String field, String problem) {
        return new ConfigurationException(file + ": " + label + ", field \"" + field + "\": " + problem);
    }
}
