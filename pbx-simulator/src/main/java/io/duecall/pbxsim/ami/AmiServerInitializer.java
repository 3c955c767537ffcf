package io.duecall.pbxsim.ami;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The AMI pipeline: CRLF/LF line framing with a length cap, packet assembly, text out, one session handler. */
public final class AmiServerInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_LINE = 8192;

    private final AmiCredentials credentials;
    private final AmiConnections connections;
    private final CallActions calls;
    private final Clock clock;
    private final SystemFunctions functions;

    public AmiServerInitializer(AmiCredentials credentials, AmiConnections connections, CallActions calls,
                                Clock clock, SystemFunctions functions) {
        this.functions = functions;
        this.credentials = credentials;
        this.connections = connections;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast(new LineBasedFrameDecoder(MAX_LINE, /* stripDelimiter= */ true, /* failFast= */ true))
                .addLast(new AmiMessageDecoder())
                .addLast(new StringEncoder(StandardCharsets.UTF_8))
                .addLast(new AmiSessionHandler(credentials, connections, calls, clock, functions));
    }
}
