package io.duecall.web.routes;

import static io.duecall.web.routes.Route.Access.OPERATIONS;
import static io.duecall.web.routes.Route.Access.SIGNED_IN;

import io.duecall.web.Json;
import io.duecall.web.OpsService;
import io.duecall.web.Views;
import java.util.List;

/** The agents' desks: state changes, the current call (screen pop), dispositions and history. */
final class DeskRoutes {
    private final OpsService service;

    /** The body of {@code POST /api/agents/{agent}/pause}. */
    record StateChange(String reason) {}

    DeskRoutes(OpsService service) {
        this.service = service;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/agents", OPERATIONS,
                        r -> ApiResponse.ok(service.agentStates().stream().map(Views::status).toList())),
                Route.get("/api/agents/{agent}", SIGNED_IN, r -> ApiResponse.ok(Views.status(
                        service.status(service.agent(r.principal(), r.parameter("agent")))))),
                Route.post("/api/agents/{agent}/login", SIGNED_IN, r -> action(r, "login")),
                Route.post("/api/agents/{agent}/ready", SIGNED_IN, r -> action(r, "ready")),
                Route.post("/api/agents/{agent}/pause", SIGNED_IN, r -> action(r, "pause")),
                Route.post("/api/agents/{agent}/logout", SIGNED_IN, r -> action(r, "logout")),
                Route.get("/api/agents/{agent}/call", SIGNED_IN, r -> {
                    var pop = service.currentCall(r.principal(), r.parameter("agent"));
                    return pop == null ? ApiResponse.noContent() : ApiResponse.ok(Views.call(pop));
                }),
                Route.get("/api/agents/{agent}/history", SIGNED_IN, r -> ApiResponse.ok(
                        service.history(r.principal(), r.parameter("agent")).stream().map(Views::disposition).toList())),
                Route.get("/api/calls/{callId}", SIGNED_IN,
                        r -> ApiResponse.ok(Views.call(service.call(r.principal(), r.parameter("callId"))))),
                Route.post("/api/calls/{callId}/disposition", SIGNED_IN, r -> ApiResponse.ok(Views.disposition(
                        service.dispose(r.principal(), r.parameter("callId"),
                                Json.read(r.body(), OpsService.DispositionRequest.class))))));
    }

    private ApiResponse action(ApiRequest r, String action) {
        var reason = r.body() == null || r.body().isBlank() ? null : Json.read(r.body(), StateChange.class).reason();
        return ApiResponse.ok(Views.status(service.agentAction(r.principal(), r.parameter("agent"), action, reason)));
    }
}
