package io.duecall.web.routes;

import io.duecall.web.HealthProbe;
import io.duecall.web.ListUploads;
import io.duecall.web.OpsMetrics;
import io.duecall.web.OpsService;
import io.duecall.web.PromiseQueries;
import io.duecall.web.ReportQueries;
import io.duecall.web.live.LiveFigures;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;

/** The operations server's route table: every group's routes, and the event stream. */
public final class OpsRoutes {
    private OpsRoutes() {}

    public static RouteTable table(OpsService service, LiveFigures figures, HealthProbe health,
            PrometheusMeterRegistry registry, OpsMetrics metrics, ReportQueries reports,
            PromiseQueries promises, ListUploads uploads) {
        var routes = new ArrayList<Route>();
        routes.addAll(new SystemRoutes(health, registry, metrics).routes());
        routes.addAll(new CampaignRoutes(service, figures).routes());
        routes.addAll(new ListRoutes(uploads).routes());
        routes.addAll(new ReportRoutes(service, figures, reports).routes());
        routes.addAll(new DeskRoutes(service).routes());
        routes.addAll(new PromiseRoutes(promises).routes());
        routes.add(Route.get("/api/events", Route.Access.SIGNED_IN, Route.EVENT_STREAM));
        return new RouteTable(routes);
    }
}
