package io.duecall.engine.config;

import io.duecall.adapter.quartz.QuartzCluster;
import io.duecall.sipconfig.Secrets;
import java.util.List;

/** {@code scheduler.clustered:}. {@code password}: an {@code env:NAME} or {@code file:/path} reference, or the password itself. */
public record ClusteredSettings(String jdbcUrl, String user, String password) {
    QuartzCluster resolve(Secrets secrets, List<String> errors) {
        try {
            var resolved = password != null && Secrets.isReference(password)
                    ? secrets.resolve("scheduler.clustered.password", password)
                    : password;
            return new QuartzCluster(jdbcUrl, user, resolved);
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "ClusteredSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
    }
}
