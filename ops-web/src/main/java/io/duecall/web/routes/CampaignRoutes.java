package io.duecall.web.routes;

import static io.duecall.web.routes.Route.Access.OPERATIONS;

import io.duecall.web.OpsService;
import io.duecall.web.Views;
import io.duecall.web.live.LiveFigures;
import java.util.List;
import java.util.Map;

/** Campaigns at run time, their definitions, their dial cycle and eligibility explanations: operations only. */
final class CampaignRoutes {
    private final OpsService service;
    private final LiveFigures figures;

    CampaignRoutes(OpsService service, LiveFigures figures) {
        this.service = service;
        this.figures = figures;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/campaigns", OPERATIONS, r -> ApiResponse.ok(figures.snapshot().campaigns())),
                Route.post("/api/campaigns", OPERATIONS, r -> ApiResponse.json(201,
                        Views.campaign(service.createCampaign(r.body(), r.contentType())))),
                Route.get("/api/campaign-schema", OPERATIONS,
                        r -> ApiResponse.ok(service.campaignSchema().stream().map(Views::field).toList())),
                Route.get("/api/campaigns/{id}/definition", OPERATIONS,
                        r -> ApiResponse.ok(service.campaignDefinition(r.parameter("id")))),
                Route.get("/api/campaigns/{id}", OPERATIONS,
                        r -> ApiResponse.ok(Views.campaign(service.campaign(r.parameter("id"))))),
                Route.put("/api/campaigns/{id}", OPERATIONS, r -> ApiResponse.ok(Views.campaign(
                        service.replaceCampaign(r.parameter("id"), r.body(), r.contentType())))),
                Route.delete("/api/campaigns/{id}", OPERATIONS, this::delete),
                Route.post("/api/campaigns/{id}/start", OPERATIONS,
                        r -> state(r, service.start(r.parameter("id")).name())),
                Route.post("/api/campaigns/{id}/pause", OPERATIONS,
                        r -> state(r, service.pause(r.parameter("id")).name())),
                Route.post("/api/campaigns/{id}/stop", OPERATIONS,
                        r -> state(r, service.stop(r.parameter("id")).name())),
                Route.get("/api/campaigns/{id}/accounts/{accountId}/eligibility", OPERATIONS,
                        r -> ApiResponse.ok(service.explain(r.parameter("id"), r.parameter("accountId")))));
    }

    private ApiResponse delete(ApiRequest r) {
        service.deleteCampaign(r.parameter("id"));
        return ApiResponse.ok(Map.of("campaign", r.parameter("id"), "deleted", true));
    }

    private static ApiResponse state(ApiRequest r, String state) {
        return ApiResponse.ok(Map.of("campaign", r.parameter("id"), "state", state));
    }
}
