package dev.aivoicebot.call;

import dev.aivoicebot.openai.ItemCreate;
import dev.aivoicebot.openai.ResponseCreate;
import dev.aivoicebot.openai.SessionUpdate;
import java.util.List;

/**
 * How a call's stream begins: the session configuration, the conversation so far (empty for a new call; what was
 * said before a transfer nobody answered), what the assistant says first (the greeting, or that nobody answered),
 * and, for a call we placed, the wait for who answered ({@link AnswerWait.Plan}; null for any other call).
 */
record Opening(SessionUpdate session, List<ItemCreate> history, ResponseCreate greeting, AnswerWait.Plan answering) {

    Opening(SessionUpdate session, List<ItemCreate> history, ResponseCreate greeting) {
        this(session, history, greeting, null);
    }
}
