package io.duecall.web;

import java.nio.charset.StandardCharsets;

/** What a route answers: status, content type and body. */
record ApiResponse(int status, String contentType, byte[] body) {
    static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, "application/json", Json.write(value));
    }

    static ApiResponse ok(Object value) {
        return json(200, value);
    }

    static ApiResponse csv(String text) {
        return new ApiResponse(200, "text/csv; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse error(int status, String message) {
        return json(status, java.util.Map.of("status", status, "error", message));
    }
}
