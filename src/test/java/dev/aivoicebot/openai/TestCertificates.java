package dev.aivoicebot.openai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a server certificate it signed for 127.0.0.1, made with the JDK's
 * own {@code keytool} (no test dependency needed). Generated under {@code target/} and reused for a day, so
 * the unit and integration test JVMs of one build share them.
 *
 * @param caPem      the CA certificate, PEM: what the application is told to trust
 * @param serverP12  PKCS#12 with the server's key and its chain: what the fake upstream presents
 * @param password   of {@code serverP12}
 */
record TestCertificates(Path caPem, Path serverP12, String password) {

    private static final String PASSWORD = "test-only-password";
    private static final Path DIR = Path.of("target/test-tls").toAbsolutePath();
    /** Written last: its presence means the files beside it are complete. */
    private static final Path COMPLETE = DIR.resolve("complete");

    static synchronized TestCertificates get() {
        TestCertificates certificates = new TestCertificates(DIR.resolve("ca.pem"), DIR.resolve("server.p12"), PASSWORD);
        try {
            if (!Files.exists(COMPLETE) || Files.getLastModifiedTime(COMPLETE).toInstant()
                    .isBefore(Instant.now().minus(Duration.ofDays(1)))) {
                generate(DIR);
                Files.writeString(COMPLETE, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return certificates;
    }

    private static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String file : List.of("complete", "ca.p12", "server.p12", "ca.pem", "server.csr", "server.pem")) {
            Files.deleteIfExists(dir.resolve(file));
        }
        keytool(dir, "-genkeypair", "-keystore", "ca.p12", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=ai-voice-bot test CA", "-ext", "bc:c", "-validity", "2");
        keytool(dir, "-exportcert", "-keystore", "ca.p12", "-alias", "ca", "-rfc", "-file", "ca.pem");
        keytool(dir, "-genkeypair", "-keystore", "server.p12", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-validity", "2");
        keytool(dir, "-certreq", "-keystore", "server.p12", "-alias", "server", "-file", "server.csr");
        keytool(dir, "-gencert", "-keystore", "ca.p12", "-alias", "ca", "-infile", "server.csr", "-outfile",
                "server.pem", "-rfc", "-validity", "2", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-ext", "eku=serverAuth");
        // the CA first, so keytool can build the chain when the signed certificate replaces the self-signed one
        keytool(dir, "-importcert", "-keystore", "server.p12", "-alias", "ca", "-file", "ca.pem", "-noprompt");
        keytool(dir, "-importcert", "-keystore", "server.p12", "-alias", "server", "-file", "server.pem");
    }

    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
