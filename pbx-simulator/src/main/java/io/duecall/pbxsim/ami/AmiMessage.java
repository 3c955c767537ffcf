package io.duecall.pbxsim.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AMI packet (action, response or event): header lines in wire order, names compared ignoring case.
 * {@code malformed} lists the problems the decoder saw (lines without a colon, too many headers).
 */
public record AmiMessage(List<Map.Entry<String, String>> headers, List<String> malformed) {
    public AmiMessage {
        headers = List.copyOf(headers);
        malformed = List.copyOf(malformed);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> get(String name) {
        for (var h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return Optional.of(h.getValue());
            }
        }
        return Optional.empty();
    }

    public String getOr(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public List<String> all(String name) {
        var out = new ArrayList<String>();
        for (var h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                out.add(h.getValue());
            }
        }
        return out;
    }

    /** The packet as sent on the wire: {@code Name: value} lines ended by CRLF, then a blank line. */
    public String toWire() {
        var sb = new StringBuilder(32 * headers.size() + 2);
        for (var h : headers) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** Collects headers in order. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();

        public Builder add(String name, String value) {
            headers.add(Map.entry(name, value == null ? "" : value));
            return this;
        }

        public Builder add(String name, long value) {
            return add(name, Long.toString(value));
        }

        /** Adds the {@code ActionID} header, when the action named one. */
        public Builder actionId(String actionId) {
            return actionId == null ? this : add("ActionID", actionId);
        }

        public Builder addAll(List<Map.Entry<String, String>> more) {
            headers.addAll(more);
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(headers, List.of());
        }
    }
}
