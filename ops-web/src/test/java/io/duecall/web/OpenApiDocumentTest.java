package io.duecall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duecall.web.routes.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document served at /openapi.json describes exactly the server's route table. */
class OpenApiDocumentTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private final TestDesk desk = new TestDesk(4096);
    private final JsonNode document = read();

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void documentedOperationsAreExactlyTheRoutes() {
        var documented = new TreeSet<String>();
        operations().forEach(op -> documented.add(op.method() + " " + op.path()));

        var routed = new TreeSet<String>();
        api().forEach(route -> routed.add(route.method() + " " + route.template()));

        var undocumented = new TreeSet<>(routed);
        undocumented.removeAll(documented);
        var unrouted = new TreeSet<>(documented);
        unrouted.removeAll(routed);
        assertEquals(Set.of(), undocumented, "routes missing from openapi.json");
        assertEquals(Set.of(), unrouted, "operations in openapi.json that no route answers");
    }

    @Test
    void eachOperationNeedsTheTokenItsRouteNeeds() {
        var documented = new TreeMap<String, String>();
        operations().forEach(op -> documented.put(op.method() + " " + op.path(), access(op.node())));

        var routed = new TreeMap<String, String>();
        api().forEach(route -> routed.put(route.method() + " " + route.template(), route.access().name()));

        assertEquals(routed, documented);
    }

    @Test
    void pathParametersAreTheTemplatesParameters() {
        var documented = new TreeMap<String, List<String>>();
        operations().forEach(op -> {
            var names = new ArrayList<String>();
            for (var source : List.of(document.path("paths").path(op.path()).path("parameters"),
                    op.node().path("parameters"))) {
                source.forEach(p -> {
                    if (p.path("in").asText().equals("path")) {
                        names.add(p.path("name").asText());
                    }
                });
            }
            documented.put(op.method() + " " + op.path(), names);
        });

        var routed = new TreeMap<String, List<String>>();
        api().forEach(route -> routed.put(route.method() + " " + route.template(), route.parameters()));

        assertEquals(routed, documented);
    }

    private record Operation(String method, String path, JsonNode node) {}

    private List<Operation> operations() {
        var list = new ArrayList<Operation>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                list.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
            }
        }));
        return list;
    }

    /** Every route but the pages and their files, which are not part of the API. */
    private List<Route> api() {
        return desk.web.routes().routes().stream()
                .filter(r -> !(r.access() == Route.Access.PUBLIC && (r.template().equals("/")
                        || r.template().matches(".*\\.(html|css|js|json)"))))
                .toList();
    }

    /** The document says who may call an operation with {@code security} and {@code x-role}. */
    private static String access(JsonNode operation) {
        if (operation.path("security").isEmpty()) {
            return Route.Access.PUBLIC.name();
        }
        return switch (operation.path("x-role").asText()) {
            case "operations" -> Route.Access.OPERATIONS.name();
            case "agent", "any" -> Route.Access.SIGNED_IN.name();
            default -> "x-role '" + operation.path("x-role").asText() + "'";
        };
    }

    private static JsonNode read() {
        try (var in = OpenApiDocumentTest.class.getResourceAsStream("/ops-web/openapi.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
