package io.duecall.web;

import java.util.List;
import java.util.Map;

/** A request as the route groups see it: already authenticated, its path split into segments. */
record ApiRequest(String method, List<String> path, Map<String, List<String>> query, String body, String contentType,
        Principal principal) {

    String segment(int i) {
        return i < path.size() ? path.get(i) : "";
    }

    String param(String name) {
        var values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    void requireOperations() {
        if (principal.role() != Principal.Role.OPERATIONS) {
            throw ApiException.forbidden("this needs the operations role; agent " + principal.agent() + " has the agent role");
        }
    }
}
