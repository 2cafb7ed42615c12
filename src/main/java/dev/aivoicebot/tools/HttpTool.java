package dev.aivoicebot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A tool of TOOLS_FILE's {@code tools} list: a POST to {@code url}. Header values have their ${NAME}s resolved. */
record HttpTool(String name, String description, JsonNode parameters, URI url, Map<String, String> headers,
        Optional<Duration> timeout) {

    @Override
    public String toString() { // header values are secrets
        return "HttpTool[" + name + "]";
    }
}
