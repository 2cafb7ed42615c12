package dev.aivoicebot.call;

import dev.aivoicebot.openai.TokenUsage;

/** The tokens a whole call used: every response of every Realtime session it had, the summary included. */
public record CallUsage(TokenUsage tokens, int responses) {

    public static final CallUsage NONE = new CallUsage(TokenUsage.NONE, 0);

    CallUsage plus(TokenUsage response) {
        return new CallUsage(tokens.plus(response), responses + 1);
    }
}
