package io.duecall.web.routes;

import io.duecall.web.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a route answers: status, content type and body. */
public record ApiResponse(int status, String contentType, byte[] body) {
    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, "application/json", Json.write(value));
    }

    public static ApiResponse ok(Object value) {
        return json(200, value);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, "application/json", new byte[0]);
    }

    public static ApiResponse csv(String text) {
        return new ApiResponse(200, "text/csv; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse error(int status, String message) {
        return json(status, Map.of("status", status, "error", message));
    }
}
