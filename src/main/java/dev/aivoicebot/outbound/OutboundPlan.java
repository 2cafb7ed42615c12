package dev.aivoicebot.outbound;

/**
 * A call we place, as asked for: {@code to} and {@code from} checked against the allow-list and our numbers;
 * {@code profile} the assistant profile named (null for the default); {@code greeting} what is said first when a
 * person answers; {@code context} added to the assistant's instructions (empty for none).
 */
public record OutboundPlan(String to, String from, String profile, String greeting, String context) {
}
