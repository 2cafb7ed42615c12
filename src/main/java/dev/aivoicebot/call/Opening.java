package dev.aivoicebot.call;

import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.openai.ResponseCreate;
import java.util.List;

/**
 * How a call's stream begins: the assistant profile (its session, tools, targets, recording), the conversation so far (empty for a new call; what was
 * said before a transfer nobody answered), what the assistant says first (the greeting, or that nobody answered),
 * and, for a call we placed, the wait for who answered ({@link AnswerWait.Plan}; null for any other call).
 */
record Opening(AssistantProfile profile, List<ItemCreate> history, ResponseCreate greeting, AnswerWait.Plan answering) {

    Opening(AssistantProfile profile, List<ItemCreate> history, ResponseCreate greeting) {
        this(profile, history, greeting, null);
    }
}
