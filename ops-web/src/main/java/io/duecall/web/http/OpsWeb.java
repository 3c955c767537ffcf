package io.duecall.web.http;

import io.duecall.web.ListUploads;
import io.duecall.web.OpsMetrics;
import io.duecall.web.OpsParts;
import io.duecall.web.OpsService;
import io.duecall.web.PromiseQueries;
import io.duecall.web.ReportQueries;
import io.duecall.web.live.EventStream;
import io.duecall.web.live.LiveFigures;
import io.duecall.web.routes.OpsRoutes;
import io.duecall.web.routes.RouteTable;

/** The operations server's parts, wired once and shared by every connection. */
public record OpsWeb(OpsWebConfig config, RouteTable routes, EventStream events, LiveFigures figures,
        ConnectionLimit connections) {

    public static OpsWeb assemble(OpsWebConfig config, OpsParts p) {
        var limits = config.limits();
        var registry = p.registry();
        var metrics = new OpsMetrics(registry, p.clock(), p.dialer(), p.agents(), p.health(), p.control());
        var service = new OpsService(p);
        var figures = new LiveFigures(p.clock(), p.dialer(), p.agents(), p.desk(), p.accounts(), p.promises(),
                p.control(), limits.historyInterval(), limits.historySamples());
        var events = new EventStream(figures, service, limits.maxSkippedEvents());
        p.desk().onScreenPop(events::screenPop);
        var reports = new ReportQueries(p.reports(), p.exports());
        var routes = OpsRoutes.table(service, figures, p.health(), registry, metrics, reports,
                new PromiseQueries(p.book()), new ListUploads(service, p.imports(), p.clock()));
        return new OpsWeb(config, routes, events, figures,
                new ConnectionLimit(limits.maxConnections(), limits.maxConnectionsPerAddress()));
    }
}
