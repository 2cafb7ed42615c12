package dev.aivoicebot.call;

import dev.aivoicebot.openai.TokenUsage;
import jakarta.inject.Singleton;

/** Turns token counts into an estimated cost in USD, from {@link PricesConfig}. */
@Singleton
public class Prices {

    private static final double PER_TOKEN = 1e-6; // prices are per 1M tokens

    private final PricesConfig prices;

    Prices(PricesConfig prices) {
        this.prices = prices;
    }

    /** Cached tokens are part of the input counts and billed at the cached rate instead. */
    public double costUsd(TokenUsage usage) {
        return PER_TOKEN * ((usage.inputText() - usage.cachedText()) * prices.textInput()
                + usage.cachedText() * prices.textCachedInput()
                + usage.outputText() * prices.textOutput()
                + (usage.inputAudio() - usage.cachedAudio()) * prices.audioInput()
                + usage.cachedAudio() * prices.audioCachedInput()
                + usage.outputAudio() * prices.audioOutput());
    }
}
