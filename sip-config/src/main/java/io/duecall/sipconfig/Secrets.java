package io.duecall.sipconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves secret references: {@code env:NAME} reads an environment variable, {@code file:/path} a file (trailing
 * line breaks dropped, as secret files usually end with one). The deployment file and the engine's configuration both
 * hold their secrets (trunk and agent passwords, AMI secrets, bearer tokens, the Redis and database passwords) as
 * such references and resolve them here; a secret written into either file is refused. Errors name the key and the
 * reference, never the secret's value.
 */
public final class Secrets {
    private static final Pattern ENV = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern FILE = Pattern.compile("file:/[^\\r\\n]+");
    private final Function<String, String> environment;

    public Secrets(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Secrets from this process's environment and the file system. */
    public static Secrets fromSystem() {
        return new Secrets(System::getenv);
    }

    /** Whether {@code value} is a reference this class can resolve (and not, say, a secret written in the file). */
    public static boolean isReference(String value) {
        return value != null && (ENV.matcher(value).matches() || FILE.matcher(value).matches());
    }

    /**
     * What is wrong with {@code value} as the secret reference of {@code key}, or null when it is a reference: missing,
     * or a secret written into the file. The examples ({@code TRUNK_PASSWORD}, {@code /run/secrets/trunk}) show the
     * reader what to write instead.
     */
    public static String problem(String key, String value, String envExample, String fileExample) {
        var expected = "(expected a secret reference such as env:" + envExample + " or file:" + fileExample + ")";
        if (value == null || value.isEmpty()) {
            return key + ": missing " + expected;
        }
        return isReference(value) ? null : key + ": written in the file " + expected;
    }

    /** The secret {@code reference} points at; {@code key} names the key in errors. */
    public String resolve(String key, String reference) {
        if (!isReference(reference)) {
            throw new InvalidDeploymentException(key + ": not a secret reference (expected env:NAME or file:/path)");
        }
        String value;
        if (reference.startsWith("env:")) {
            value = environment.apply(reference.substring(4));
            if (value == null || value.isEmpty()) {
                throw new InvalidDeploymentException(key + ": " + reference + " is not set in the environment");
            }
        } else {
            var path = Path.of(reference.substring(5));
            try {
                value = Files.readString(path, StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                throw new InvalidDeploymentException(key + ": " + reference + " cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (value.isEmpty()) {
                throw new InvalidDeploymentException(key + ": " + reference + " is empty");
            }
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ';')) {
            // A line break or ';' would end the value early in an Asterisk .conf file or an AMI header.
            throw new InvalidDeploymentException(key + ": the secret in " + reference
                    + " must be one line without ';'");
        }
        return value;
    }
}
