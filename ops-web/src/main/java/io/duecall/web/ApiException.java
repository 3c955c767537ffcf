package io.duecall.web;

/** A request the API refuses, with the HTTP status to answer and a message for the caller. */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what);
    }

    public static ApiException forbidden(String what) {
        return new ApiException(403, what);
    }
}
