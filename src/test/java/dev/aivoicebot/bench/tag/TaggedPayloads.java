package dev.aivoicebot.bench.tag;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 payloads of tagged frames, made cheaply. Because the tag is a whole number of base64 groups, a
 * one-frame payload is the tag's 44 characters followed by the fixed encoding of the frame's body, computed
 * once: per frame only the tag is encoded. Payloads of several frames (answer deltas) are encoded whole.
 */
public final class TaggedPayloads {

    /** μ-law silence. */
    public static final byte SILENCE = (byte) 0xFF;

    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final String SILENT_BODY = bodyBase64(silentBody());
    private static final String TONE_BODY = bodyBase64(toneBody());

    private TaggedPayloads() {
    }

    /** One 160-byte frame: the tag, then line silence or a tone depending on {@link FrameTag#speech()}. */
    public static String frame(FrameTag tag) {
        byte[] head = new byte[FrameTag.BYTES];
        tag.writeTo(head, 0);
        byte[] chars = ENCODER.encode(head);
        return new String(chars, StandardCharsets.ISO_8859_1).concat(tag.speech() ? TONE_BODY : SILENT_BODY);
    }

    /** Several frames in one payload; {@code audio} is reused between calls by the caller when it wants. */
    public static String frames(FrameTag[] tags, int count) {
        byte[] audio = new byte[count * FrameTag.FRAME_BYTES];
        Arrays.fill(audio, SILENCE);
        for (int i = 0; i < count; i++) {
            tags[i].writeTo(audio, i * FrameTag.FRAME_BYTES);
        }
        return ENCODER.encodeToString(audio);
    }

    /** The tag of a one-frame payload, decoding only its first 44 characters; null if the payload is not one. */
    public static FrameTag headTag(String payload) {
        return headTag(payload, 0);
    }

    /** The tag of the payload starting at {@code from} in {@code text} (e.g. inside a JSON message). */
    public static FrameTag headTag(String text, int from) {
        if (text.length() < from + FrameTag.BASE64_CHARS) {
            return null;
        }
        try {
            byte[] head = DECODER.decode(text.substring(from, from + FrameTag.BASE64_CHARS));
            return FrameTag.readFrom(head, 0);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whole payload decoded; null if it is not base64. */
    public static byte[] decode(String payload) {
        try {
            return DECODER.decode(payload);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] silentBody() {
        byte[] body = new byte[FrameTag.FRAME_BYTES - FrameTag.BYTES];
        Arrays.fill(body, SILENCE);
        return body;
    }

    /** 400 Hz square-ish tone at about a quarter of full scale: loud enough for any VAD that listens. */
    private static byte[] toneBody() {
        byte[] body = new byte[FrameTag.FRAME_BYTES - FrameTag.BYTES];
        for (int i = 0; i < body.length; i++) {
            body[i] = (i / 10) % 2 == 0 ? (byte) 0x1F : (byte) 0x9F;
        }
        return body;
    }

    private static String bodyBase64(byte[] body) {
        return ENCODER.encodeToString(body);
    }
}
