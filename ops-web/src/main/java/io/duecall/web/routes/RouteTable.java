package io.duecall.web.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every route of the server, found by method and decoded path segments: a route, or the methods the path allows
 * (405), or nothing (404). Two routes that would match the same requests are refused when the table is built.
 */
public final class RouteTable {
    private final List<Route> routes;

    public sealed interface Match permits Found, WrongMethod, NotFound {}

    /** The route and its path parameters by name. */
    public record Found(Route route, Map<String, String> parameters) implements Match {}

    /** The path exists, but not for this method; {@code allowed} is what an {@code Allow} header lists. */
    public record WrongMethod(List<String> allowed) implements Match {}

    public record NotFound() implements Match {}

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        var shapes = new HashMap<String, Route>();
        for (var route : this.routes) {
            var shape = route.method() + " " + route.template().replaceAll("\\{[^}]+}", "{}");
            var other = shapes.put(shape, route);
            if (other != null) {
                throw new IllegalArgumentException("routes " + other.method() + " " + other.template() + " and "
                        + route.method() + " " + route.template() + " match the same requests");
            }
        }
    }

    public List<Route> routes() {
        return routes;
    }

    /** {@code HEAD} finds the GET route; a literal segment is preferred over a parameter in the same place. */
    public Match find(String method, List<String> path) {
        var wanted = method.equals("HEAD") ? "GET" : method;
        Found best = null;
        int bestLiterals = -1;
        var allowed = new TreeSet<String>();
        for (var route : routes) {
            var parameters = match(route, path);
            if (parameters == null) {
                continue;
            }
            allowed.add(route.method());
            if (route.method().equals("GET")) {
                allowed.add("HEAD");
            }
            int literals = route.segments().size() - parameters.size();
            if (route.method().equals(wanted) && literals > bestLiterals) {
                best = new Found(route, parameters);
                bestLiterals = literals;
            }
        }
        if (best != null) {
            return best;
        }
        return allowed.isEmpty() ? new NotFound() : new WrongMethod(new ArrayList<>(allowed));
    }

    private static Map<String, String> match(Route route, List<String> path) {
        var template = route.segments();
        if (template.size() != path.size()) {
            return null;
        }
        var parameters = new LinkedHashMap<String, String>();
        for (int i = 0; i < template.size(); i++) {
            var expected = template.get(i);
            var actual = path.get(i);
            if (expected.startsWith("{")) {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return parameters;
    }
}
