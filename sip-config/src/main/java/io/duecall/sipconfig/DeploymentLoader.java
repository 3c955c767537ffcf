package io.duecall.sipconfig;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.duecall.common.KeyPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a deployment file (YAML) and checks it whole; unknown keys are refused so a typo is never ignored. */
public final class DeploymentLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // A key given twice would otherwise silently take its last value.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DeploymentLoader() {}

    /** The deployment in {@code file}; throws {@link InvalidDeploymentException} listing every problem. */
    public static Deployment load(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file));
    }

    static Deployment parse(String source, String yaml) {
        Deployment deployment;
        try {
            deployment = YAML.readValue(yaml, Deployment.class);
        } catch (JsonMappingException e) {
            var key = KeyPath.of(e);
            throw new InvalidDeploymentException(source + ": " + (key.isEmpty() ? "" : key + ": ")
                    + e.getOriginalMessage());
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new InvalidDeploymentException(source + ": " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        }
        if (deployment == null) {
            throw new InvalidDeploymentException(source + ": empty (expected trunks, agents, ami, agi and abandon)");
        }
        var problems = DeploymentCheck.problems(deployment);
        if (!problems.isEmpty()) {
            throw InvalidDeploymentException.of(source, problems);
        }
        return deployment;
    }
}
