package io.duecall.web.routes;

import static io.duecall.web.routes.Route.Access.PUBLIC;

import io.duecall.web.HealthProbe;
import io.duecall.web.OpsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public paths: the pages and their scripts, the OpenAPI document, health, readiness and Prometheus metrics. */
final class SystemRoutes {
    /** The files served at {@code /<name>}, one a line; {@code /} serves the dashboard's {@code index.html}. */
    private static final List<String> PAGES = List.of(
            "index.html",
            "dashboard.js",
            "agent.html",
            "agent.js",
            "campaigns.html",
            "campaigns.js",
            "lists.html",
            "lists.js",
            "reports.html",
            "reports.js",
            "board.html",
            "board.js",
            "promises.html",
            "promises.js",
            "nav.js",
            "app.css",
            "openapi.json");
    private final HealthProbe health;
    private final PrometheusMeterRegistry registry;
    private final OpsMetrics metrics;

    SystemRoutes(HealthProbe health, PrometheusMeterRegistry registry, OpsMetrics metrics) {
        this.health = health;
        this.registry = registry;
        this.metrics = metrics;
    }

    List<Route> routes() {
        var routes = new ArrayList<Route>();
        for (var name : PAGES) {
            var page = page(name);
            routes.add(Route.get("/" + name, PUBLIC, r -> page));
        }
        var dashboard = page("index.html");
        routes.add(Route.get("/", PUBLIC, r -> dashboard));
        var charts = webjar("echarts", "dist/echarts.min.js");
        routes.add(Route.get("/vendor/echarts.min.js", PUBLIC, r -> charts));
        routes.add(Route.get("/healthz", PUBLIC, r -> ApiResponse.ok(checks())));
        routes.add(Route.get("/readyz", PUBLIC, r -> {
            var checks = checks();
            var ready = !checks.containsValue("down");
            if (ready) {
                checks.putAll(deploymentChecks());
            }
            return ApiResponse.json(ready ? 200 : 503, checks);
        }));
        routes.add(Route.get("/metrics", PUBLIC, r -> {
            metrics.refresh();
            return new ApiResponse(200, "text/plain; version=0.0.4; charset=utf-8",
                    registry.scrape().getBytes(StandardCharsets.UTF_8));
        }));
        return routes;
    }

    /** Both checks run on every call, so a probe sees the state of the moment. */
    private Map<String, String> checks() {
        var checks = new LinkedHashMap<String, String>();
        checks.put("ami", health.amiConnected() ? "up" : "down");
        try {
            metrics.redisLatency(health.redisPing());
            checks.put("redis", "up");
        } catch (Exception e) {
            checks.put("redis", "down");
        }
        return checks;
    }

    /** Reported, not judged: a Redis without an append-only file still serves; the operator sees it here. */
    private Map<String, String> deploymentChecks() {
        try {
            return health.deploymentChecks();
        } catch (RuntimeException e) {
            return Map.of("deployment-checks", "not run (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Pages are read once, when the routes are built: they are part of the build, not of the data. */
    private static ApiResponse page(String name) {
        return resource("/ops-web/" + name);
    }

    /**
     * A file of a webjar (org.webjars.npm) on the class path, in whichever version the build put there, read once:
     * served from the application, never from a CDN.
     */
    private static ApiResponse webjar(String artifact, String file) {
        var properties = new java.util.Properties();
        var pom = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (var in = SystemRoutes.class.getResourceAsStream(pom)) {
            if (in == null) {
                throw new IllegalStateException("webjar " + artifact + " is missing from the build (no " + pom + ")");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource("/META-INF/resources/webjars/" + artifact + "/" + properties.getProperty("version") + "/"
                + file);
    }

    private static ApiResponse resource(String path) {
        try (var in = SystemRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new ApiResponse(200, type(path), in.readAllBytes());
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
