package io.duecall.pbxsim.ami;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

/** The AMI pipeline: CRLF/LF line framing with a length cap, packet assembly, text out, one session handler. */
public final class AmiServerInitializer extends ChannelInitializer<SocketChannel> {
    static final int MAX_LINE = 8192;

    /** A new session handler for each connection, all sharing the simulator's credentials, calls and clock. */
    private final Supplier<AmiSessionHandler> sessions;

    /** {@code actionLatency}: how long each action takes before its response, one action after another per session. */
    public AmiServerInitializer(AmiCredentials credentials, AmiConnections connections, CallActions calls,
                                Clock clock, SystemFunctions functions, java.time.Duration actionLatency) {
        this.sessions = () -> new AmiSessionHandler(credentials, connections, calls, clock, functions,
                actionLatency);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast(new LineBasedFrameDecoder(MAX_LINE, /* stripDelimiter= */ true, /* failFast= */ true))
                .addLast(new AmiMessageDecoder())
                .addLast(new StringEncoder(StandardCharsets.UTF_8))
                .addLast(sessions.get());
    }
}
