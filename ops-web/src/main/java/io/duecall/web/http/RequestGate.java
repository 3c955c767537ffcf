package io.duecall.web.http;

import io.duecall.web.ApiException;
import io.duecall.web.Principal;
import io.duecall.web.routes.Route;
import io.duecall.web.routes.RouteTable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides on each request from its line and headers alone, before any of its body is read: a request Netty could not
 * decode (400, 414, 431), an unusable path (400), a missing or unknown token under {@code /api} (401), no such path
 * (404) or method (405 with {@code Allow}), the wrong role (403), and a declared body over the limit (413). A refused
 * request is answered at once; if a body was announced its connection is closed, so the body is never read. An
 * admitted request goes on to the body aggregator with its {@link Admission}.
 */
final class RequestGate extends ChannelInboundHandlerAdapter {
    static final AttributeKey<Admission> ADMISSION = AttributeKey.valueOf("duecall.admission");
    private final RouteTable routes;
    private final Authenticator authenticator;
    private final int maxBodyBytes;
    private final RequestDeadline deadline;
    /** The current request was refused: its remaining content is dropped. */
    private boolean discarding;

    /** What the gate decided for an admitted request, for the handler that answers it. */
    record Admission(Route route, Map<String, String> parameters, Map<String, List<String>> query,
            Principal principal) {}

    RequestGate(RouteTable routes, Authenticator authenticator, int maxBodyBytes, RequestDeadline deadline) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
        this.deadline = deadline;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            discarding = false;
            try {
                ctx.channel().attr(ADMISSION).set(admit(request));
            } catch (ApiException refused) {
                refuse(ctx, request, refused);
                ReferenceCountUtil.release(msg);
                return;
            }
        } else if (discarding && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
            if (msg instanceof LastHttpContent) {
                discarding = false;
                deadline.requestRead();
            }
            return;
        }
        if (msg instanceof LastHttpContent) {
            deadline.requestRead();
        }
        ctx.fireChannelRead(msg);
    }

    private Admission admit(HttpRequest request) {
        undecodable(request);
        var target = Target.parse(request.uri());
        var match = routes.find(request.method().name(), target.segments());
        // Everything under /api needs a token, found or not, so that no one learns the API's shape without one.
        var found = match instanceof RouteTable.Found f ? f.route() : null;
        boolean api = !target.segments().isEmpty() && target.segments().getFirst().equals("api");
        var principal = api || (found != null && found.access() != Route.Access.PUBLIC)
                ? authenticator.authenticate(request.headers().get(HttpHeaderNames.AUTHORIZATION),
                        found != null && found.opensEventStream()
                                ? target.query().getOrDefault("token", List.of()) : List.of())
                : null;
        return switch (match) {
            case RouteTable.NotFound none -> throw ApiException.notFound("no endpoint " + request.method().name() + " "
                    + Target.shorten(target.path()));
            case RouteTable.WrongMethod wrong -> throw new MethodNotAllowed(request.method().name(),
                    Target.shorten(target.path()), wrong.allowed());
            case RouteTable.Found route -> {
                permit(route.route(), principal);
                long declared = declaredLength(request);
                if (declared > maxBodyBytes) {
                    throw new ApiException(413, "request body of " + declared + " bytes is larger than " + maxBodyBytes
                            + " bytes (http.maxBodyBytes)");
                }
                yield new Admission(route.route(), route.parameters(), target.query(), principal);
            }
        };
    }

    private static long declaredLength(HttpRequest request) {
        try {
            return HttpUtil.getContentLength(request, -1L);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Content-Length: not a number of bytes");
        }
    }

    /** A request Netty could not decode carries the reason in its decoder result, and whatever headers it read. */
    static void undecodable(HttpObject message) {
        var result = message.decoderResult();
        if (result.isSuccess()) {
            return;
        }
        throw switch (result.cause()) {
            case TooLongHttpLineException line -> new ApiException(414, "request line is too long (http.maxRequestLineBytes)");
            case TooLongHttpHeaderException header -> new ApiException(431, "header block is too large (http.maxHeaderBytes)");
            default -> new ApiException(400, "request is not valid HTTP/1.1");
        };
    }

    private static void permit(Route route, Principal principal) {
        if (route.access() == Route.Access.OPERATIONS && principal.role() != Principal.Role.OPERATIONS) {
            throw ApiException.forbidden("this needs the operations role; agent " + principal.agent()
                    + " has the agent role");
        }
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest request, ApiException refused) {
        FullHttpResponse response = Responses.error(refused.status(), refused.getMessage());
        if (refused instanceof MethodNotAllowed wrong) {
            response.headers().set(HttpHeaderNames.ALLOW, String.join(", ", wrong.allowed));
        }
        // A body announced but not read would be taken for the next request; closing is cheaper than reading it.
        boolean bodyFollows = !"0".equals(request.headers().get(HttpHeaderNames.CONTENT_LENGTH, "0"))
                || HttpUtil.isTransferEncodingChunked(request);
        boolean keepAlive = request.decoderResult().isSuccess() && !bodyFollows && HttpUtil.isKeepAlive(request);
        discarding = true;
        if (!keepAlive) {
            ctx.channel().config().setAutoRead(false);
        }
        Responses.send(ctx.channel(), response, keepAlive);
    }

    /** 405 and the methods the path does allow. */
    private static final class MethodNotAllowed extends ApiException {
        private final List<String> allowed;

        MethodNotAllowed(String method, String path, List<String> allowed) {
            super(405, method + " is not allowed on " + path + " (allowed: " + String.join(", ", allowed) + ")");
            this.allowed = allowed;
        }
    }

    /** The request target split into decoded path segments and query parameters. */
    record Target(String path, List<String> segments, Map<String, List<String>> query) {
        static Target parse(String uri) {
            if (uri.isEmpty() || uri.charAt(0) != '/') {
                throw new ApiException(400, "request target: '" + shorten(uri) + "' (expected a path such as /api/campaigns)");
            }
            int question = uri.indexOf('?');
            var rawPath = question < 0 ? uri : uri.substring(0, question);
            var segments = new ArrayList<String>();
            if (!rawPath.equals("/")) {
                for (var raw : rawPath.substring(1).split("/", -1)) {
                    try {
                        segments.add(QueryStringDecoder.decodeComponent(raw));
                    } catch (IllegalArgumentException e) {
                        throw new ApiException(400, "path segment: '" + shorten(raw)
                                + "' (expected valid percent-encoding such as %20)");
                    }
                }
            }
            Map<String, List<String>> query;
            try {
                query = question < 0 ? Map.of() : new QueryStringDecoder(uri.substring(question + 1), false).parameters();
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "query: '" + shorten(uri.substring(question + 1))
                        + "' (expected name=value pairs with valid percent-encoding)");
            }
            return new Target(rawPath, segments, query);
        }

        private static String shorten(String text) {
            return text.length() <= 80 ? text : text.substring(0, 80) + "...";
        }
    }
}
