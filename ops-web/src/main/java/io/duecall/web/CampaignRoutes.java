package io.duecall.web;

import java.util.List;
import java.util.Map;

/**
 * Operations endpoints: campaigns and their control, account import, the payment feed, eligibility explanations,
 * exports and the live figures. Translates HTTP to {@link OpsService} calls; decides nothing itself.
 */
final class CampaignRoutes {
    private final OpsService service;
    private final LiveFigures figures;

    record PaymentFeed(List<OpsService.Payment> payments) {}

    CampaignRoutes(OpsService service, LiveFigures figures) {
        this.service = service;
        this.figures = figures;
    }

    ApiResponse handle(ApiRequest r) {
        r.requireOperations();
        var head = r.segment(1);
        return switch (head) {
            case "campaigns" -> campaigns(r);
            case "payments" -> {
                requireMethod(r, "POST");
                var feed = Json.read(r.body(), PaymentFeed.class);
                if (feed.payments() == null) {
                    throw new ApiException(400, "payments: missing (expected a list of {campaign, accountId})");
                }
                yield ApiResponse.ok(Map.of("removedFromQueue", service.payments(feed.payments())));
            }
            case "figures" -> ApiResponse.ok(figures.sample());
            case "ledger.csv" -> ApiResponse.csv(service.ledgerCsv());
            case "promises.csv" -> ApiResponse.csv(service.promisesCsv());
            default -> throw ApiException.notFound("no endpoint /api/" + head);
        };
    }

    private ApiResponse campaigns(ApiRequest r) {
        var id = r.segment(2);
        var action = r.segment(3);
        if (id.isEmpty()) {
            if (r.method().equals("POST")) {
                throw new ApiException(501, "creating campaigns at run time is not supported yet: add the campaign to "
                        + "the configuration file and restart the engine");
            }
            return ApiResponse.ok(figures.sample().campaigns());
        }
        var campaign = service.campaign(id);
        return switch (action) {
            case "" -> switch (r.method()) {
                case "GET" -> ApiResponse.ok(Map.of("id", campaign.id().value(), "name", campaign.name(),
                        "mode", campaign.mode().name(), "channelLimit", campaign.channelLimit(),
                        "opens", campaign.window().opens().toString(), "closes", campaign.window().closes().toString()));
                case "PUT", "DELETE" -> throw new ApiException(501, "changing or deleting campaign " + id
                        + " at run time is not supported yet: edit the configuration file and restart the engine");
                default -> throw new ApiException(405, r.method() + " is not allowed on /api/campaigns/" + id);
            };
            case "start", "pause", "stop" -> {
                requireMethod(r, "POST");
                var state = switch (action) {
                    case "start" -> service.start(id);
                    case "pause" -> service.pause(id);
                    default -> service.stop(id);
                };
                yield ApiResponse.ok(Map.of("campaign", id, "state", state.name()));
            }
            case "accounts" -> {
                if (!r.segment(4).isEmpty() && r.segment(5).equals("eligibility")) {
                    yield ApiResponse.ok(service.explain(id, r.segment(4)));
                }
                requireMethod(r, "POST");
                if (r.contentType() == null || !r.contentType().startsWith("text/csv")) {
                    throw new ApiException(415, "account import needs Content-Type text/csv (got " + r.contentType() + ")");
                }
                yield ApiResponse.ok(Map.of("campaign", id, "imported", service.importCsv(id, r.param("region"), r.body())));
            }
            default -> throw ApiException.notFound("no endpoint /api/campaigns/" + id + "/" + action);
        };
    }

    static void requireMethod(ApiRequest r, String method) {
        if (!r.method().equals(method)) {
            throw new ApiException(405, r.method() + " is not allowed here (expected " + method + ")");
        }
    }
}
