package dev.aivoicebot.transcript;

/**
 * A transcript line with its place in the file: {@code seq} is the 0-based index of the line among the file's
 * complete lines, torn or garbled ones counted too, so the same line keeps the same number whoever reads the file
 * and whenever (the database stores lines under CallSid + seq).
 */
public record NumberedLine(int seq, TranscriptLine line) {
}
