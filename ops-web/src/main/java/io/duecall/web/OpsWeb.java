package io.duecall.web;

/** The operations server's parts, wired once and shared by every connection. */
record OpsWeb(OpsWebConfig config, SystemRoutes system, EventStream events, AgentRoutes agentRoutes,
        CampaignRoutes campaignRoutes, LiveFigures figures) {

    static OpsWeb assemble(OpsWebConfig config, OpsParts p) {
        var registry = p.registry();
        var metrics = new OpsMetrics(registry, p.clock(), p.dialer(), p.agents(), p.health());
        var service = new OpsService(p.clock(), p.dialer(), p.agents(), p.desk(), p.accounts(), p.ledger(),
                p.promises(), p.control(), p.importerForRegion(), p.campaigns(),
                p.payments());
        var figures = new LiveFigures(p.clock(), p.dialer(), p.agents(), p.desk(), p.accounts(), p.promises(),
                p.control());
        var events = new EventStream(figures, service);
        p.desk().onScreenPop(events::screenPop);
        return new OpsWeb(config, new SystemRoutes(p.health(), registry, metrics), events, new AgentRoutes(service),
                new CampaignRoutes(service, figures), figures);
    }
}
