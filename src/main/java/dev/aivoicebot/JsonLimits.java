package dev.aivoicebot;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Tight parser limits for every JSON message we read (Twilio's, OpenAI's, /generate-voice bodies): none is
 * deeply nested or carries long numbers, so a hostile one fails fast instead of costing CPU and memory.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxNumberLength(64)
                .maxStringLength(8 * 1024 * 1024)
                .build());
    }
}
