package io.duecall.web.routes;

import static io.duecall.web.routes.Route.Access.OPERATIONS;

import io.duecall.web.Json;
import io.duecall.web.PromiseQueries;
import java.util.List;

/** The promise book: running and broken promises, one promise's history, and cancelling one; operations only. */
final class PromiseRoutes {
    private final PromiseQueries promises;

    PromiseRoutes(PromiseQueries promises) {
        this.promises = promises;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/promises", OPERATIONS, r -> ApiResponse.ok(promises.book())),
                Route.get("/api/promises/{callId}", OPERATIONS,
                        r -> ApiResponse.ok(promises.history(r.parameter("callId")))),
                Route.post("/api/promises/{callId}/cancel", OPERATIONS, r -> ApiResponse.ok(promises.cancel(
                        r.parameter("callId"), Json.read(r.body(), PromiseQueries.Cancellation.class)))));
    }
}
