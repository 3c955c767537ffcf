package io.duecall.pbxsim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.duecall.common.KeyPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Reads {@link Population} YAML and turns Jackson's errors into messages that name the key path. */
final class PopulationYaml {
    private static final Pattern LEADING_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9]*: .*", Pattern.DOTALL);
    private static final JsonMapper MAPPER = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private PopulationYaml() {
    }

    static Population read(InputStream yaml) {
        try {
            var p = MAPPER.readValue(yaml, Population.class);
            if (p == null) {
                throw new InvalidPopulationException("population: empty document");
            }
            return p;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidPopulationException(KeyPath.of(e) + ": unknown key (expected one of " + e.getKnownPropertyIds() + ")", e);
        } catch (JsonMappingException e) {
            throw new InvalidPopulationException(describe(e), e);
        } catch (JacksonException e) {
            throw new InvalidPopulationException("population: not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(JsonMappingException e) {
        var path = KeyPath.of(e);
        var cause = e.getCause();
        if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            var msg = iae.getMessage();
            if (LEADING_KEY.matcher(msg).matches()) {
                return join(path, msg);
            }
            return (path.isEmpty() ? "population" : path) + ": " + msg;
        }
        if (e.getOriginalMessage().startsWith("Cannot map `null`")) {
            return path + ": missing (expected a number)";
        }
        return (path.isEmpty() ? "population" : path) + ": " + e.getOriginalMessage();
    }

    private static String join(String path, String rest) {
        return path.isEmpty() ? rest : path + "." + rest;
    }
}
