package io.duecall.web.routes;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One endpoint: a method, a path template whose {@code {name}} segments match one path segment each, who may call
 * it, and what answers it. A GET route answers HEAD as well.
 */
public record Route(String method, String template, Access access, Handler handler) {
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");
    private static final Pattern SEGMENT = Pattern.compile("\\{[a-zA-Z]+}|[a-z0-9.-]+");

    /** Who may call a route. Routes whose answer depends on whose data it is check that in the service. */
    public enum Access {
        /** No token: the pages, health, readiness and metrics. */
        PUBLIC,
        /** An operations token, or an agent's token acting for that agent. */
        SIGNED_IN,
        /** An operations token only. */
        OPERATIONS
    }

    /** Translates a request into a service call and its result into a response; decides nothing itself. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    /**
     * The handler of the event stream: the HTTP layer keeps the connection open and streams events instead of
     * answering once. It alone accepts the token as a {@code token} query parameter, as browsers' EventSource cannot
     * send headers.
     */
    public static final Handler EVENT_STREAM = request -> {
        throw new IllegalStateException("the event stream is opened by the HTTP layer, not answered");
    };

    public Route {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("route method: '" + method + "' (expected an upper-case HTTP method)");
        }
        if (template == null || !template.startsWith("/")
                || !segments(template).stream().allMatch(s -> SEGMENT.matcher(s).matches())) {
            throw new IllegalArgumentException("route template: '" + template
                    + "' (expected /segment/{name}/..., segments of a-z 0-9 . -)");
        }
    }

    public static Route get(String template, Access access, Handler handler) {
        return new Route("GET", template, access, handler);
    }

    public static Route post(String template, Access access, Handler handler) {
        return new Route("POST", template, access, handler);
    }

    public static Route put(String template, Access access, Handler handler) {
        return new Route("PUT", template, access, handler);
    }

    public static Route delete(String template, Access access, Handler handler) {
        return new Route("DELETE", template, access, handler);
    }

    public boolean opensEventStream() {
        return handler == EVENT_STREAM;
    }

    /** The template's segments; {@code /} has none. */
    public List<String> segments() {
        return segments(template);
    }

    /** The names of the template's parameters, in order. */
    public List<String> parameters() {
        return segments().stream().filter(s -> s.startsWith("{")).map(s -> s.substring(1, s.length() - 1)).toList();
    }

    static List<String> segments(String path) {
        return path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/", -1));
    }
}
