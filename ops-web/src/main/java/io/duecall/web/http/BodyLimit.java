package io.duecall.web.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Aggregates an admitted request's body up to {@code http.maxBodyBytes}. A body declared larger was refused at the
 * gate; one sent in chunks is cut off here when it passes the limit, with a 413, and its connection closed.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final int max;

    BodyLimit(int max) {
        super(max);
        this.max = max;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.channel().config().setAutoRead(false);
        Responses.send(ctx.channel(), Responses.error(413, "request body is larger than " + max
                + " bytes (http.maxBodyBytes)"), /* keepAlive= */ false);
    }
}
