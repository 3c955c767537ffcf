package io.duecall.engine.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads configuration YAML strictly: an unknown key, a bad value or malformed YAML is an error naming its place. */
public final class ConfigYaml {
    private ConfigYaml() {}

    /** A mapper that refuses unknown keys and nulls for numbers and flags. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        var mapper = strict(new ObjectMapper(new YAMLFactory()));
        try {
            return mapper.readValue(Files.readAllBytes(file), type);
        } catch (JsonMappingException e) {
            var key = keyPath(e);
            throw new ConfigException(file + ": " + (key.isEmpty() ? "" : key + ": ") + e.getOriginalMessage());
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new ConfigException(file + ": " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        }
    }

    /** The key the error is about, as the configuration reference writes keys: {@code campaigns[0].channelLimit}. */
    public static String keyPath(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
