package io.duecall.pbxsim.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiMessageDecoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new LineBasedFrameDecoder(8192, true, true), new AmiMessageDecoder());

    private void feed(String fragment) {
        channel.writeInbound(Unpooled.copiedBuffer(fragment, StandardCharsets.UTF_8));
    }

    @Test
    void actionSplitMidLineAndMidDelimiterIsAssembledOnce() {
        feed("Action: Orig");
        feed("inate\r");
        feed("\nChannel: Local/101@deb");
        assertNull(channel.readInbound());
        feed("tors\r\nVariable: CALL_ID=c-1\r\nVariable: B=2\r\n\r");

        feed("\n");

        AmiMessage msg = channel.readInbound();
        assertEquals("Originate", msg.get("action").orElseThrow());
        assertEquals("Local/101@debtors", msg.get("Channel").orElseThrow());
        assertEquals(List.of("CALL_ID=c-1", "B=2"), msg.all("VARIABLE"));
        assertNull(channel.readInbound());
    }

    @Test
    void bareLineFeedsAndRepeatedBlankLinesAreTolerated() {
        feed("\r\n\r\nAction: Ping\nActionID: 7\n\n");

        AmiMessage msg = channel.readInbound();

        assertEquals("7", msg.get("ActionID").orElseThrow());
        assertEquals(List.of(), msg.malformed());
    }

    @Test
    void lineWithoutColonIsReportedAsMalformed() {
        feed("Action: Ping\r\nnonsense\r\n\r\n");

        AmiMessage msg = channel.readInbound();

        assertEquals(1, msg.malformed().size());
    }

    @Test
    void wireFormIsCrlfLinesEndedByABlankLine() {
        var msg = AmiMessage.builder().add("Response", "Success").add("ActionID", "a").build();

        var wire = msg.toWire();

        assertEquals("Response: Success\r\nActionID: a\r\n\r\n", wire);
    }
}
