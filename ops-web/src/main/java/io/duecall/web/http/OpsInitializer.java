package io.duecall.web.http;

import io.duecall.web.OpsParts;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * One connection's pipeline: the connection caps, the idle and request timers, the HTTP codec with its line and
 * header limits, the gate that decides from the headers, the body limit, then the handler. {@link #of} builds one
 * without a server, so that tests can drive the whole API through an {@code EmbeddedChannel}.
 */
public final class OpsInitializer extends ChannelInitializer<Channel> {
    static final String IDLE = "idle";
    static final String DEADLINE = "deadline";
    /** Netty's decoder hands a large body on in pieces of at most this size. */
    private static final int MAX_CHUNK_BYTES = 64 * 1024;
    private final OpsWeb web;

    OpsInitializer(OpsWeb web) {
        this.web = web;
    }

    /** The pipeline the server would give each connection, over freshly assembled parts (no publisher thread). */
    public static OpsInitializer of(OpsWebConfig config, OpsParts parts) {
        return new OpsInitializer(OpsWeb.assemble(config, parts));
    }

    public static OpsInitializer of(OpsWeb web) {
        return new OpsInitializer(web);
    }

    @Override
    protected void initChannel(Channel channel) {
        var limits = web.config().limits();
        var deadline = new RequestDeadline(limits.requestTimeout(), limits.idleTimeout());
        channel.pipeline()
                .addLast("connections", web.connections())
                // Idle means nothing read and no response bytes moving: a long download to a reading client is not.
                .addLast(IDLE, new IdleStateHandler(/* observeOutput= */ true, 0, 0, limits.idleTimeout().toNanos(),
                        TimeUnit.NANOSECONDS))
                .addLast(DEADLINE, deadline)
                .addLast("codec", new HttpServerCodec(limits.maxRequestLineBytes(), limits.maxHeaderBytes(),
                        MAX_CHUNK_BYTES))
                .addLast("gate", new RequestGate(web.routes(), new Authenticator(web.config().tokens()),
                        limits.maxBodyBytes(), deadline))
                .addLast("body", new BodyLimit(limits.maxBodyBytes()))
                .addLast("handler", new OpsHandler(web));
    }
}
