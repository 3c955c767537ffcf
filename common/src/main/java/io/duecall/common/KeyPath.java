package io.duecall.common;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The key a Jackson mapping error is about, as the configuration reference writes keys. */
public final class KeyPath {
    private KeyPath() {}

    /** Fields joined by dots, list positions in brackets: {@code campaigns[0].channelLimit}; empty at the top. */
    public static String of(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
