package dev.aivoicebot;

import dev.aivoicebot.admin.AdminConfig;
import dev.aivoicebot.events.CallEventsConfig;
import dev.aivoicebot.openai.OpenAiConfig;
import dev.aivoicebot.outbound.OutboundConfig;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.speech.SpeechConfig;
import dev.aivoicebot.tools.ToolsConfig;
import dev.aivoicebot.twilio.TwilioConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells {@link SafeText} every configured secret, so none can reach a log, transcript or error message. */
@Startup
@ApplicationScoped
public class SecretRegistration {

    SecretRegistration(OpenAiConfig openAi, TwilioConfig twilio, SpeechConfig speech, ToolsConfig tools,
            OutboundConfig outbound, AdminConfig admin, CallEventsConfig events,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> databasePassword) {
        openAi.apiKey().ifPresent(SafeText::registerSecret);
        twilio.authToken().ifPresent(SafeText::registerSecret);
        twilio.apiSecret().ifPresent(SafeText::registerSecret);
        twilio.streamTokenSecret().ifPresent(SafeText::registerSecret);
        speech.apiKey().ifPresent(SafeText::registerSecret);
        tools.signingSecret().ifPresent(SafeText::registerSecret);
        outbound.apiKey().ifPresent(SafeText::registerSecret);
        admin.apiKey().ifPresent(SafeText::registerSecret);
        events.signingSecret().ifPresent(SafeText::registerSecret);
        databasePassword.ifPresent(SafeText::registerSecret);
    }
}
