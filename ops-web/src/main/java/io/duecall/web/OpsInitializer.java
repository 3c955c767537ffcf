package io.duecall.web;

import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.channel.Channel;

/** One connection's pipeline: HTTP codec, body limit, then the router. */
final class OpsInitializer extends ChannelInitializer<Channel> {
    private final OpsWeb web;

    OpsInitializer(OpsWeb web) {
        this.web = web;
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
