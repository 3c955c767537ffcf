package io.duecall.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The public paths: the pages and their scripts, the OpenAPI document, health, readiness and Prometheus metrics. */
final class SystemRoutes {
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html", "/index.html", "index.html", "/agent.html", "agent.html", "/app.css", "app.css",
            "/dashboard.js", "dashboard.js", "/agent.js", "agent.js", "/openapi.json", "openapi.json");
    private final HealthProbe health;
    private final PrometheusMeterRegistry registry;
    private final OpsMetrics metrics;

    SystemRoutes(HealthProbe health, PrometheusMeterRegistry registry, OpsMetrics metrics) {
        this.health = health;
        this.registry = registry;
        this.metrics = metrics;
    }

    ApiResponse handle(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new ApiException(405, method + " is not allowed on " + path);
        }
        return switch (path) {
            case "/healthz" -> ApiResponse.ok(checks());
            case "/readyz" -> {
                var checks = checks();
                yield ApiResponse.json(checks.containsValue("down") ? 503 : 200, checks);
            }
            case "/metrics" -> {
                metrics.refresh();
                yield new ApiResponse(200, "text/plain; version=0.0.4; charset=utf-8",
                        registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            default -> page(path);
        };
    }

    /** Both checks run on every call, so a probe sees the state of the moment. */
    Map<String, String> checks() {
        var checks = new LinkedHashMap<String, String>();
        checks.put("ami", health.amiConnected() ? "up" : "down");
        try {
            Duration rtt = health.redisPing();
            metrics.redisLatency(rtt);
            checks.put("redis", "up");
        } catch (Exception e) {
            checks.put("redis", "down");
        }
        return checks;
    }

    private static ApiResponse page(String path) {
        var name = PAGES.get(path);
        if (name == null) {
            throw ApiException.notFound("no page " + path);
        }
        try (var in = SystemRoutes.class.getResourceAsStream("/ops-web/" + name)) {
            if (in == null) {
                throw ApiException.notFound("no page " + path);
            }
            return new ApiResponse(200, type(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return name.endsWith(".js") ? "text/javascript; charset=utf-8" : "application/json";
    }
}
