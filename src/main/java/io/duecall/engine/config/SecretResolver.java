package io.duecall.engine.config;

import io.duecall.sipconfig.InvalidDeploymentException;
import io.duecall.sipconfig.Secrets;
import java.util.List;

/**
 * Every secret of the configuration file (AMI secrets, bearer tokens, the Redis and database passwords) is resolved
 * here, by the same {@link Secrets} as the deployment file's: an {@code env:NAME} or {@code file:/path} reference,
 * never the secret itself. Each problem is added to the errors under its key, without the secret.
 */
final class SecretResolver {
    private final Secrets secrets;
    private final List<String> errors;

    SecretResolver(Secrets secrets, List<String> errors) {
        this.secrets = secrets;
        this.errors = errors;
    }

    Secrets secrets() {
        return secrets;
    }

    /**
     * The secret {@code reference} names, or null when it is absent (the caller decides whether it may be) or has a
     * problem (then added to the errors). The examples show what to write instead of a secret written in the file.
     */
    String resolve(String key, String reference, String envExample, String fileExample) {
        if (reference == null) {
            return null;
        }
        var problem = Secrets.problem(key, reference, envExample, fileExample);
        if (problem != null) {
            errors.add(problem);
            return null;
        }
        try {
            return secrets.resolve(key, reference);
        } catch (InvalidDeploymentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    /** Adds the problem of a secret that is required but absent. */
    void missing(String key, String envExample, String fileExample) {
        errors.add(Secrets.problem(key, null, envExample, fileExample));
    }
}
