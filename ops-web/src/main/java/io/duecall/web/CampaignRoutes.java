package io.duecall.web;

import io.duecall.domain.campaign.Campaign;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations endpoints: campaigns and their control, account import, the payment feed, eligibility explanations,
 * exports and the live figures. Translates HTTP to {@link OpsService} calls; decides nothing itself.
 */
final class CampaignRoutes {
    private final OpsService service;
    private final LiveFigures figures;

    record PaymentFeed(List<PaymentEntries.Entry> payments) {}

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
                var result = service.payments(Json.read(r.body(), PaymentFeed.class).payments());
                var answer = new LinkedHashMap<String, Object>();
                answer.put("recorded", result.recorded());
                answer.put("alreadyRecorded", result.alreadyRecorded());
                answer.put("kept", result.kept());
                answer.put("partlyKept", result.partlyKept());
                answer.put("paidInFull", result.paidInFull().stream().map(id -> id.value()).toList());
                yield ApiResponse.ok(answer);
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
                return ApiResponse.json(201, definition(service.createCampaign(r.body(), r.contentType())));
            }
            return ApiResponse.ok(figures.sample().campaigns());
        }
        var campaign = service.campaign(id);
        return switch (action) {
            case "" -> switch (r.method()) {
                case "GET" -> ApiResponse.ok(definition(campaign));
                case "PUT" -> ApiResponse.ok(definition(service.replaceCampaign(id, r.body(), r.contentType())));
                case "DELETE" -> {
                    service.deleteCampaign(id);
                    yield ApiResponse.ok(Map.of("campaign", id, "deleted", true));
                }
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

    private static Map<String, Object> definition(Campaign campaign) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", campaign.id().value());
        map.put("name", campaign.name());
        map.put("mode", campaign.mode().name());
        map.put("companyName", campaign.companyName());
        map.put("channelLimit", campaign.channelLimit());
        map.put("opens", campaign.window().opens().toString());
        map.put("closes", campaign.window().closes().toString());
        map.put("ringTimeout", campaign.ringTimeout().toString());
        map.put("agentWait", campaign.agentWait().toString());
        map.put("promiseHorizonDays", campaign.promiseHorizonDays());
        return map;
    }

    static void requireMethod(ApiRequest r, String method) {
        if (!r.method().equals(method)) {
            throw new ApiException(405, r.method() + " is not allowed here (expected " + method + ")");
        }
    }
}
