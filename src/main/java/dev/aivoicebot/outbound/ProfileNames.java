package dev.aivoicebot.outbound;

import java.util.Collection;

/**
 * The assistant profiles a placed call may name, so {@code POST /calls} refuses a name nobody defined instead of
 * dialing someone with an assistant the caller did not ask for. The {@code call} package, which owns the
 * profiles, provides it (this package must not depend on {@code call}).
 */
public interface ProfileNames {

    /** Every profile's name ({@code default} included). */
    Collection<String> names();
}
