package io.duecall.web.http;

import io.duecall.web.routes.ApiResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Writes responses with the headers every answer carries: no caching, no content sniffing, and a content security
 * policy that allows only the server's own scripts, styles and connections and no framing.
 */
final class Responses {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Responses() {}

    /** Writes the response; closes the connection after it unless {@code keepAlive}. */
    static ChannelFuture send(Channel channel, ApiResponse r, boolean keepAlive) {
        return send(channel, full(r), keepAlive);
    }

    static ChannelFuture send(Channel channel, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = channel.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
        return future;
    }

    static FullHttpResponse full(ApiResponse r) {
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        secure(response.headers());
        if (r.status() == 401) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        HttpUtil.setContentLength(response, r.body().length);
        return response;
    }

    static FullHttpResponse error(int status, String message) {
        return full(ApiResponse.error(status, message));
    }

    /** The head of an event stream: 200, text/event-stream, chunked. */
    static HttpResponse eventStreamHead() {
        var response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        secure(response.headers());
        HttpUtil.setTransferEncodingChunked(response, true);
        return response;
    }

    /** The answer to {@code HEAD} on the event stream: its head, and no events. */
    static FullHttpResponse eventStreamHeadOnly() {
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        secure(response.headers());
        return response;
    }

    private static void secure(HttpHeaders headers) {
        headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
        headers.set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
