package io.duecall.pbxsim.agi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads command lines from a FastAGI script with a bound on their length; a longer line is consumed whole and
 * reported as {@link #OVERLONG}, so a hostile script can neither exhaust memory nor desynchronise the session.
 */
final class AgiLineReader {
    /** Returned in place of a line that exceeded the limit; it can never equal a real line, which has no LF. */
    static final String OVERLONG = "\n";

    private final InputStream in;
    private final int maxLength;
    private final byte[] buffer = new byte[4096];
    private int position;
    private int limit;

    AgiLineReader(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its CR LF or LF, {@link #OVERLONG}, or null at end of stream. */
    String readLine() throws IOException {
        var line = new java.io.ByteArrayOutputStream();
        var overlong = false;
        while (true) {
            if (position == limit && !fill()) {
                return line.size() == 0 && !overlong ? null : finish(line, overlong);
            }
            var b = buffer[position++];
            if (b == '\n') {
                return finish(line, overlong);
            }
            if (line.size() < maxLength) {
                line.write(b);
            } else {
                overlong = true;
            }
        }
    }

    private boolean fill() throws IOException {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    private static String finish(java.io.ByteArrayOutputStream line, boolean overlong) {
        if (overlong) {
            return OVERLONG;
        }
        var text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
