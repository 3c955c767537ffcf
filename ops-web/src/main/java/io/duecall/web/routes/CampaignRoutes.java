package io.duecall.web.routes;

import static io.duecall.web.routes.Route.Access.OPERATIONS;

import io.duecall.web.ApiException;
import io.duecall.web.OpsService;
import io.duecall.web.Views;
import io.duecall.web.live.LiveFigures;
import io.duecall.web.ImportProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Campaigns at run time, their dial cycle, account imports and do-not-call lists, and eligibility explanations:
 * operations only.
 */
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
                Route.post("/api/campaigns/{id}/accounts", OPERATIONS, this::importAccounts),
                Route.post("/api/do-not-call", OPERATIONS, this::doNotCall),
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

    private ApiResponse importAccounts(ApiRequest r) {
        requireCsv(r, "account import");
        var id = r.parameter("id");
        var summary = service.importCsv(id, r.query("region"), r.body());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("campaign", id);
        answer.put("imported", summary.imported());
        answer.put("undialableNumbers", summary.undialableNumbers());
        answer.put("undialable", new TreeMap<>(summary.undialable()));
        answer.put("warnings", summary.examples().stream().map(ImportProblems::warning).toList());
        return ApiResponse.ok(answer);
    }

    private ApiResponse doNotCall(ApiRequest r) {
        requireCsv(r, "a do-not-call list");
        var result = service.doNotCall(r.query("reason"), r.query("region"), r.body());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("reason", r.query("reason") == null ? "dnc" : r.query("reason"));
        answer.put("listed", result.listed());
        answer.put("alreadyListed", result.alreadyListed());
        return ApiResponse.ok(answer);
    }

    private static void requireCsv(ApiRequest r, String what) {
        if (r.contentType() == null || !r.contentType().startsWith("text/csv")) {
            throw new ApiException(415, what + " needs Content-Type text/csv (got " + r.contentType() + ")");
        }
    }
}
