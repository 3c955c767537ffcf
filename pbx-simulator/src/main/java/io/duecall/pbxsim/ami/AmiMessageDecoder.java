package io.duecall.pbxsim.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gathers the lines framed by a line decoder into {@link AmiMessage}s: each packet ends at a blank line. A line
 * without a colon or a packet with too many headers is recorded as malformed rather than thrown, so one bad client
 * line costs an error response, never the connection.
 */
public final class AmiMessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    static final int MAX_HEADERS = 128;

    private List<Map.Entry<String, String>> headers = new ArrayList<>();
    private List<String> malformed = new ArrayList<>();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        var text = line.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            if (!headers.isEmpty() || !malformed.isEmpty()) {
                out.add(new AmiMessage(headers, malformed));
                headers = new ArrayList<>();
                malformed = new ArrayList<>();
            }
            return;
        }
        var colon = text.indexOf(':');
        if (colon <= 0) {
            malformed.add("line without 'Name: value': '" + abbreviate(text) + "'");
        } else if (headers.size() >= MAX_HEADERS) {
            if (malformed.isEmpty()) {
                malformed.add("more than " + MAX_HEADERS + " header lines");
            }
        } else {
            headers.add(Map.entry(text.substring(0, colon).trim(), text.substring(colon + 1).trim()));
        }
    }

    private static String abbreviate(String s) {
        var printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
