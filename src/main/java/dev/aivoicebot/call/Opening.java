package dev.aivoicebot.call;

import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.openai.ResponseCreate;
import java.util.List;

/**
 * How a call's stream begins: the conversation so far (empty for a new call; what was said before a transfer
 * nobody answered) and what the assistant says first (the greeting, or that nobody answered).
 */
record Opening(List<ItemCreate> history, ResponseCreate greeting) {
}
