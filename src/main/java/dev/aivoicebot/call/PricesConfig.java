package dev.aivoicebot.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What OpenAI charges for the Realtime model, in USD per 1M tokens, for the estimated cost of each call. The
 * defaults are {@code gpt-realtime}'s as published on OpenAI's model pages, read 4 December 2026
 * (docs/calls.md, "Usage and cost"). Env: PRICE_TEXT_INPUT, PRICE_TEXT_CACHED_INPUT, PRICE_TEXT_OUTPUT,
 * PRICE_AUDIO_INPUT, PRICE_AUDIO_CACHED_INPUT, PRICE_AUDIO_OUTPUT.
 */
@ConfigMapping(prefix = "prices")
public interface PricesConfig {

    /** Text input tokens (instructions, transcripts, tool results) not served from the cache. */
    @WithDefault("4.00")
    double textInput();

    /** Text input tokens served from the cache (a conversation's unchanged prefix). */
    @WithDefault("0.40")
    double textCachedInput();

    /** Text output tokens (audio transcripts, tool arguments, the summary). */
    @WithDefault("16.00")
    double textOutput();

    /** Audio input tokens (the caller's speech, earlier answers) not served from the cache. */
    @WithDefault("32.00")
    double audioInput();

    /** Audio input tokens served from the cache. */
    @WithDefault("0.40")
    double audioCachedInput();

    /** Audio output tokens (what the assistant says). */
    @WithDefault("64.00")
    double audioOutput();
}
