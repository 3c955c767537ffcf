package io.duecall.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.duecall.common.KeyPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON in and out. Reading is strict: malformed JSON, unknown fields and wrong types are 400s naming the field and
 * what it should hold in JSON's words, never a Java type.
 */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ApiException(400, "request body is empty (expected a JSON object)");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            var known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ApiException(400, "unknown field '" + KeyPath.of(e) + "' (expected only: " + known + ")");
        } catch (InvalidFormatException e) {
            throw new ApiException(400, where(e) + ": '" + e.getValue() + "' (expected " + expected(e.getTargetType())
                    + ")");
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw new ApiException(400, "request body: more than one JSON value (expected one object)");
            }
            throw new ApiException(400, where(e) + " (expected " + expected(e.getTargetType()) + ")");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException broken) {
                throw malformed(broken);
            }
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw new ApiException(400, invalid.getMessage());
            }
            throw new ApiException(400, where(e) + " could not be read");
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static String where(JsonMappingException e) {
        var path = KeyPath.of(e);
        return path.isEmpty() ? "request body" : "field '" + path + "'";
    }

    /** What a value of this type looks like in JSON. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-03-05";
        }
        if (type == Instant.class) {
            return "an instant such as 2026-03-03T16:30:00Z";
        }
        if (type == LocalTime.class) {
            return "a time such as 09:00";
        }
        if (type == Duration.class) {
            return "a duration such as PT20S";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO-8601";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a value of another kind";
    }

    private static ApiException malformed(JsonProcessingException e) {
        var at = e.getLocation();
        var message = e.getOriginalMessage().replaceAll(" \\(start marker at .*", "");
        return new ApiException(400, "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr()) + ": " + message);
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
