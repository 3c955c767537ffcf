package io.duecall.web;

import io.duecall.adapter.csv.ImportRejectedException;
import io.duecall.app.AgentDesk;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request: public pages, health and metrics; then, under {@code /api}, bearer-token authentication and
 * the route groups. Turns refusals into JSON errors with a 4xx status. Logs neither tokens nor request bodies.
 */
final class OpsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(OpsHandler.class);
    private final OpsWeb web;

    OpsHandler(OpsWeb web) {
        this.web = web;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        var uri = new QueryStringDecoder(request.uri());
        var path = uri.path();
        ApiResponse response;
        try {
            if (!path.startsWith("/api/")) {
                response = web.system().handle(request.method().name(), path);
            } else {
                var principal = authenticate(request, uri);
                var segments = Arrays.stream(path.substring(1).split("/")).toList();
                var group = segments.size() > 1 ? segments.get(1) : "";
                if (group.equals("events")) {
                    web.events().open(ctx, principal);
                    return;
                }
                var api = new ApiRequest(request.method().name(), segments, uri.parameters(),
                        request.content().toString(StandardCharsets.UTF_8),
                        request.headers().get(HttpHeaderNames.CONTENT_TYPE), principal);
                response = switch (group) {
                    case "agents", "calls" -> web.agentRoutes().handle(api);
                    default -> web.campaignRoutes().handle(api);
                };
            }
        } catch (ApiException e) {
            response = ApiResponse.error(e.status(), e.getMessage());
        } catch (AgentDesk.NotYourCallException e) {
            response = ApiResponse.error(403, e.getMessage());
        } catch (CampaignEditor.CampaignRejectedException e) {
            response = ApiResponse.json(422, Map.of("status", 422, "error", "campaign rejected; nothing was stored",
                    "problems", e.problems()));
        } catch (ImportRejectedException e) {
            response = ApiResponse.json(422, Map.of("status", 422, "error", "import rejected; nothing was stored",
                    "problems", e.errors().stream().map(Object::toString).toList()));
        } catch (IllegalStateException e) {
            response = ApiResponse.error(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            response = ApiResponse.error(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", request.method(), path, e);
            response = ApiResponse.error(500, "the server could not complete the request: " + e.getClass().getSimpleName());
        }
        send(ctx, response, HttpUtil.isKeepAlive(request));
    }

    private Principal authenticate(FullHttpRequest request, QueryStringDecoder uri) {
        var header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).strip();
        } else if (uri.path().equals("/api/events")) {
            // Browsers' EventSource cannot send headers, so the event stream alone takes the token as a parameter.
            var values = uri.parameters().getOrDefault("token", List.of());
            token = values.isEmpty() ? null : values.getFirst();
        }
        if (token == null) {
            throw new ApiException(401, "missing bearer token (send Authorization: Bearer <token>)");
        }
        return find(token).orElseThrow(() -> new ApiException(401, "unknown bearer token"));
    }

    private Optional<Principal> find(String token) {
        var given = token.getBytes(StandardCharsets.UTF_8);
        Principal found = null;
        for (var entry : web.config().tokens().entrySet()) {
            if (MessageDigest.isEqual(given, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    static void send(ChannelHandlerContext ctx, ApiResponse r, boolean keepAlive) {
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        response.headers().set("X-Content-Type-Options", "nosniff");
        if (r.status() == 401) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        HttpUtil.setContentLength(response, r.body().length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection closed after an error: {}", cause.getClass().getSimpleName());
        ctx.close();
    }
}
