package dev.aivoicebot.tools;

/** The call a tool runs in, as an HTTP tool receives it: Twilio's CallSid and the two numbers. */
public record CallInfo(String callSid, String from, String to) {
}
