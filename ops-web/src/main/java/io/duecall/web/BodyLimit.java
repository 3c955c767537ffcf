package io.duecall.web;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.buffer.Unpooled;

/** Aggregates request bodies up to the configured size; a larger body gets a JSON 413 naming the limit. */
final class BodyLimit extends HttpObjectAggregator {
    private final int max;

    BodyLimit(int max) {
        super(max);
        this.max = max;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        var body = Json.write(java.util.Map.of("status", 413,
                "error", "request body is larger than " + max + " bytes (http.maxBodyBytes)"));
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(response, body.length);
        // The rest of the body may still be on its way, so the connection cannot be reused.
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
