package dev.aivoicebot.tools;

import dev.aivoicebot.safety.SafeText;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in a header value of TOOLS_FILE, replaced by the variable's value, so secrets stay out of the
 * file. Every value put in is registered with {@link SafeText} as a secret: it is redacted wherever it could
 * show up in a log.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private final Function<String, Optional<String>> variables;

    /** {@code variables} looks a name up; absent or blank means undefined. */
    Placeholders(Function<String, Optional<String>> variables) {
        this.variables = variables;
    }

    /**
     * {@code template} with each {@code ${NAME}} replaced.
     *
     * @throws IllegalArgumentException naming the variable (never a value) when one is not set
     */
    String resolve(String template) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("\"${" + SafeText.of(name) + "}\" is not a variable name");
            }
            String value = variables.apply(name).filter(v -> !v.isBlank()).orElseThrow(
                    () -> new IllegalArgumentException("uses ${" + name + "}, which is not set in the environment"));
            SafeText.registerSecret(value);
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
