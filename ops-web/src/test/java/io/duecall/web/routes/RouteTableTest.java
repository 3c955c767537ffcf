package io.duecall.web.routes;

import static io.duecall.web.routes.Route.Access.OPERATIONS;
import static io.duecall.web.routes.Route.Access.PUBLIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final Route.Handler OK = r -> ApiResponse.ok(Map.of());
    private final RouteTable table = new RouteTable(List.of(
            Route.get("/", PUBLIC, OK),
            Route.get("/api/campaigns", OPERATIONS, OK),
            Route.post("/api/campaigns", OPERATIONS, OK),
            Route.get("/api/campaigns/{id}", OPERATIONS, OK),
            Route.delete("/api/campaigns/{id}", OPERATIONS, OK),
            Route.post("/api/campaigns/{id}/start", OPERATIONS, OK),
            Route.get("/api/campaigns/new", OPERATIONS, OK)));

    @Test
    void findsTheRouteAndNamesItsParameters() {
        var match = table.find("DELETE", List.of("api", "campaigns", "desk"));

        var found = assertInstanceOf(RouteTable.Found.class, match);
        assertEquals("/api/campaigns/{id}", found.route().template());
        assertEquals(Map.of("id", "desk"), found.parameters());
    }

    @Test
    void literalSegmentWinsOverAParameter() {
        var match = table.find("GET", List.of("api", "campaigns", "new"));

        assertEquals("/api/campaigns/new", assertInstanceOf(RouteTable.Found.class, match).route().template());
    }

    @Test
    void headFindsTheGetRoute() {
        var match = table.find("HEAD", List.of("api", "campaigns"));

        assertEquals("GET", assertInstanceOf(RouteTable.Found.class, match).route().method());
    }

    @Test
    void unknownMethodOnAKnownPathListsTheAllowedMethods() {
        var match = table.find("FOO", List.of("api", "campaigns"));

        assertEquals(List.of("GET", "HEAD", "POST"), assertInstanceOf(RouteTable.WrongMethod.class, match).allowed());
    }

    @Test
    void knownMethodOnAPathThatDoesNotHaveItIsWrongMethod() {
        var match = table.find("GET", List.of("api", "campaigns", "desk", "start"));

        assertEquals(List.of("POST"), assertInstanceOf(RouteTable.WrongMethod.class, match).allowed());
    }

    @Test
    void unknownPathIsNotFound() {
        assertInstanceOf(RouteTable.NotFound.class, table.find("GET", List.of("api", "campaign")));
        assertInstanceOf(RouteTable.NotFound.class, table.find("GET", List.of("api", "campaigns", "")));
        assertInstanceOf(RouteTable.NotFound.class, table.find("GET", List.of("api", "campaigns", "a", "b", "c")));
    }

    @Test
    void rootHasNoSegments() {
        assertInstanceOf(RouteTable.Found.class, table.find("GET", List.of()));
    }

    @Test
    void twoRoutesMatchingTheSameRequestsAreRefused() {
        var twice = List.of(Route.get("/api/agents/{agent}", OPERATIONS, OK),
                Route.get("/api/agents/{id}", OPERATIONS, OK));

        var e = assertThrows(IllegalArgumentException.class, () -> new RouteTable(twice));

        assertTrue(e.getMessage().contains("/api/agents/{agent} and GET /api/agents/{id}"), e.getMessage());
    }

    @Test
    void templateWithASegmentOutsideTheAlphabetIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Route.get("/api/Campaigns", OPERATIONS, OK));

        assertTrue(e.getMessage().startsWith("route template: '/api/Campaigns'"), e.getMessage());
    }
}
