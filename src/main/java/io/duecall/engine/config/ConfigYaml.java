package io.duecall.engine.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.duecall.common.KeyPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;

/** Reads configuration YAML strictly: an unknown key, a bad value or malformed YAML is an error naming its place. */
public final class ConfigYaml {
    private static final ObjectMapper YAML = strict(new ObjectMapper(new YAMLFactory()));

    private ConfigYaml() {}

    /**
     * A mapper that refuses unknown keys, nulls for numbers and flags, and a key given twice in one block (which would
     * otherwise silently take its last value).
     */
    public static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return YAML.readValue(Files.readAllBytes(file), type);
        } catch (JacksonException e) {
            throw new ConfigException(file + ": " + describe(e));
        }
    }

    /**
     * What is wrong, naming the key where Jackson knows it: {@code campaigns[0].ringTimeout: ...}, or
     * {@code campaigns[0].channelLimit is given twice (line 6, column 5)}.
     */
    public static String describe(JacksonException e) {
        var duplicate = duplicateKey(e);
        if (duplicate != null) {
            return duplicate + " is given twice" + at(e);
        }
        if (e instanceof JsonMappingException mapping) {
            var key = KeyPath.of(mapping);
            return (key.isEmpty() ? "" : key + ": ") + e.getOriginalMessage();
        }
        return e.getOriginalMessage() + at(e);
    }

    /** Where the error is in the text: {@code " (line 4, column 7)"}, or nothing when the parser does not know. */
    public static String at(JacksonException e) {
        var where = e.getLocation();
        return where == null || where.getLineNr() < 1 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    /** The key a duplicate-key error is about ({@code campaigns[0].channelLimit}), or null for any other error. */
    static String duplicateKey(JacksonException e) {
        var message = e.getOriginalMessage();
        var prefix = "Duplicate field '";
        if (message == null || !message.startsWith(prefix) || message.indexOf('\'', prefix.length()) < 0) {
            return null;
        }
        var field = message.substring(prefix.length(), message.indexOf('\'', prefix.length()));
        var parent = e instanceof JsonMappingException mapping ? KeyPath.of(mapping)
                : e.getProcessor() instanceof JsonParser parser ? parentPath(parser.getParsingContext()) : "";
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** The path of the block a parser is in, without the key it is at. */
    private static String parentPath(JsonStreamContext at) {
        var parts = new ArrayDeque<String>();
        for (var context = at == null ? null : at.getParent(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + context.getCurrentIndex() + "]");
            } else if (context.getCurrentName() != null) {
                parts.push("." + context.getCurrentName());
            }
        }
        var path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
