package io.duecall.ivr.flow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads flows from YAML (or JSON, which is YAML too) and validates them; a flow with any problem is refused whole. */
public final class FlowLoader {
    /** The flow every campaign uses unless given another: {@code reminder.yaml} next to this class. */
    public static final String DEFAULT_FLOW = "reminder.yaml";
    /** The location-only script for third-party contacts: {@code location.yaml} next to this class. */
    public static final String LOCATION_FLOW = "location.yaml";
    private static final JsonMapper MAPPER = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private FlowLoader() {}

    public static FlowDefinition defaultFlow() {
        return resource(DEFAULT_FLOW);
    }

    public static FlowDefinition locationFlow() {
        return resource(LOCATION_FLOW);
    }

    private static FlowDefinition resource(String name) {
        try (var in = FlowLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("flow resource " + name + " is missing from the classpath");
            }
            return read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flow " + name, e);
        }
    }

    public static FlowDefinition read(String source, InputStream yaml) {
        FlowDefinition flow;
        try {
            flow = MAPPER.readValue(yaml, FlowDefinition.class);
        } catch (JacksonException e) {
            throw new InvalidFlowException(source, List.of(e.getOriginalMessage() + " at " + path(e)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flow " + source, e);
        }
        if (flow == null) {
            throw new InvalidFlowException(source, List.of("empty document"));
        }
        var problems = FlowValidator.problems(flow);
        if (!problems.isEmpty()) {
            throw new InvalidFlowException(source, problems);
        }
        return flow;
    }

    public static FlowDefinition read(String source, String yaml) {
        return read(source, new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String path(JacksonException e) {
        return e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPathReference().replaceAll("io\\.duecall\\.ivr\\.flow\\.\\w+", "")
                : "line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr());
    }
}
