package dev.aivoicebot.speech;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The audio formats OpenAI can produce. The Content-Type is ours to state: OpenAI's own header is not
 * relayed, so clients see the same type whatever upstream answers.
 */
public enum AudioFormat {
    MP3("audio/mpeg"),
    OPUS("audio/ogg"),
    AAC("audio/aac"),
    FLAC("audio/flac"),
    WAV("audio/wav"),
    /** Raw 24 kHz 16-bit mono samples, little-endian as OpenAI sends them, no header. */
    PCM("audio/L16;rate=24000");

    private final String contentType;

    AudioFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The name on the wire ({@code response_format}), also used as the file extension. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String contentType() {
        return contentType;
    }

    public String fileName() {
        return "speech." + wireName();
    }

    static Optional<AudioFormat> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equalsIgnoreCase(name.trim())).findFirst();
    }

    static String allWireNames() {
        return Arrays.stream(values()).map(AudioFormat::wireName).collect(Collectors.joining(", "));
    }
}
