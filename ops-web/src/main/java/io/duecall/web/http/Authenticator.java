package io.duecall.web.http;

import io.duecall.web.ApiException;
import io.duecall.web.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** Finds whose bearer token a request carries, comparing in constant time against every known token. */
final class Authenticator {
    private final Map<String, Principal> tokens;

    Authenticator(Map<String, Principal> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    /**
     * From the {@code Authorization: Bearer} header, else from a {@code token} query parameter where the route takes
     * one ({@code queryTokens} is empty elsewhere). Neither the token nor any part of it is ever echoed.
     */
    Principal authenticate(String header, List<String> queryTokens) {
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).strip();
        } else if (!queryTokens.isEmpty()) {
            token = queryTokens.getFirst();
        }
        if (token == null) {
            throw new ApiException(401, "missing bearer token (send Authorization: Bearer <token>)");
        }
        var given = token.getBytes(StandardCharsets.UTF_8);
        Principal found = null;
        for (var entry : tokens.entrySet()) {
            if (MessageDigest.isEqual(given, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = entry.getValue();
            }
        }
        if (found == null) {
            throw new ApiException(401, "unknown bearer token");
        }
        return found;
    }
}
