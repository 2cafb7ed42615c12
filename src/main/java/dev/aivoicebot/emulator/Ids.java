package dev.aivoicebot.emulator;

import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like the real service's: a prefix, an underscore and 22 base-62 characters. */
final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    static String event() {
        return next("event");
    }

    static String item() {
        return next("item");
    }

    static String call() {
        return next("call");
    }

    static String response() {
        return next("resp");
    }

    static String session() {
        return next("sess");
    }

    static String conversation() {
        return next("conv");
    }

    private static String next(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix.length() + 23).append(prefix).append('_');
        for (int i = 0; i < 22; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
