package io.duecall.web;

import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.channel.Channel;

/**
 * One connection's pipeline: HTTP codec, body limit, then the router. {@link #of} builds one without a server, so
 * that tests can drive the whole API through an {@code EmbeddedChannel}.
 */
public final class OpsInitializer extends ChannelInitializer<Channel> {
    private final OpsWeb web;

    OpsInitializer(OpsWeb web) {
        this.web = web;
    }

    /** The pipeline the server would give each connection, over freshly assembled parts (no publisher thread). */
    public static OpsInitializer of(OpsWebConfig config, OpsParts parts) {
        return new OpsInitializer(OpsWeb.assemble(config, parts));
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast(new HttpServerCodec(8192, 16 * 1024, 64 * 1024))
                .addLast(new HttpServerExpectContinueHandler())
                .addLast(new BodyLimit(web.config().maxBodyBytes()))
                .addLast(new OpsHandler(web));
    }
}
