package io.duecall.web.routes;

import io.duecall.web.Principal;
import java.util.List;
import java.util.Map;

/**
 * A request as a route sees it: authenticated, its path parameters decoded and named, its body read. {@code principal}
 * is null on public routes.
 */
public record ApiRequest(String method, Map<String, String> parameters, Map<String, List<String>> query, String body,
        String contentType, Principal principal) {

    public ApiRequest {
        parameters = Map.copyOf(parameters);
        query = Map.copyOf(query);
    }

    /** A path parameter the route's template names; present whenever the route matched. */
    public String parameter(String name) {
        var value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter {" + name + "}");
        }
        return value;
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        var values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
