package dev.aivoicebot.bench.fake;

import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like the Realtime API's: a type prefix and random letters and digits. */
final class Ids {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    static String of(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[prefix.length() + 1 + 21];
        prefix.getChars(0, prefix.length(), id, 0);
        id[prefix.length()] = '_';
        for (int i = prefix.length() + 1; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
