package io.duecall.web;

import io.duecall.domain.agent.ScreenPop;
import io.duecall.domain.agent.AgentStatus;
import io.duecall.domain.agent.DispositionRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Agent endpoints: state changes, the current call (screen pop), dispositions and history. */
final class AgentRoutes {
    private final OpsService service;

    record StateChange(String reason) {}

    AgentRoutes(OpsService service) {
        this.service = service;
    }

    ApiResponse handle(ApiRequest r) {
        return switch (r.segment(1)) {
            case "agents" -> agents(r);
            case "calls" -> calls(r);
            default -> throw ApiException.notFound("no endpoint /api/" + r.segment(1));
        };
    }

    private ApiResponse agents(ApiRequest r) {
        var id = r.segment(2);
        if (id.isEmpty()) {
            r.requireOperations();
            return ApiResponse.ok(service.agentStates().stream().map(AgentRoutes::status).toList());
        }
        var action = r.segment(3);
        return switch (action) {
            case "" -> ApiResponse.ok(status(service.status(service.agent(r.principal(), id))));
            case "call" -> {
                var pop = service.currentCall(r.principal(), id);
                yield pop == null ? new ApiResponse(204, "application/json", new byte[0]) : ApiResponse.ok(view(pop));
            }
            case "history" -> ApiResponse.ok(service.history(r.principal(), id).stream().map(AgentRoutes::record).toList());
            default -> {
                CampaignRoutes.requireMethod(r, "POST");
                var reason = r.body() == null || r.body().isBlank() ? null : Json.read(r.body(), StateChange.class).reason();
                yield ApiResponse.ok(status(service.agentAction(r.principal(), id, action, reason)));
            }
        };
    }

    private ApiResponse calls(ApiRequest r) {
        var callId = r.segment(2);
        return switch (r.segment(3)) {
            case "" -> ApiResponse.ok(view(service.call(r.principal(), callId)));
            case "disposition" -> {
                CampaignRoutes.requireMethod(r, "POST");
                var request = Json.read(r.body(), OpsService.DispositionRequest.class);
                yield ApiResponse.ok(record(service.dispose(r.principal(), callId, request)));
            }
            default -> throw ApiException.notFound("no endpoint /api/calls/" + callId + "/" + r.segment(3));
        };
    }

    static Map<String, Object> status(AgentStatus s) {
        var map = new LinkedHashMap<String, Object>();
        map.put("agent", s.seat().id().value());
        map.put("campaigns", s.seat().campaigns().stream().map(Object::toString).sorted().toList());
        map.put("state", s.state().name());
        map.put("pauseReason", s.pauseReason());
        map.put("since", s.since());
        return map;
    }

    /** The screen pop as the desk shows it; numbers are masked, as the agent needs only to know which was dialed. */
    static Map<String, Object> view(ScreenPop pop) {
        var a = pop.account();
        var map = new LinkedHashMap<String, Object>();
        map.put("callId", pop.callId());
        map.put("agent", pop.agent().value());
        map.put("campaign", pop.campaign().value());
        map.put("accountId", a.id().value());
        map.put("debtorName", a.debtorName());
        map.put("amountDue", a.amountDue().toDecimal().toPlainString());
        map.put("currency", a.amountDue().currency().getCurrencyCode());
        map.put("dueDate", a.dueDate());
        map.put("daysPastDue", a.daysPastDue());
        map.put("debtorZone", pop.debtorZone().getId());
        map.put("bridgedAt", pop.bridgedAt());
        map.put("ivrPath", pop.ivrPath());
        map.put("promises", pop.promises().stream().map(p -> Map.of("amount", p.amount().toString(),
                "payBy", p.payBy().toString(), "promisedAt", p.promisedAt().toString())).toList());
        map.put("attempts", pop.attempts().stream().map(t -> Map.of("at", t.at().toString(),
                "outcome", t.outcome().name(), "disposition", t.disposition().name())).toList());
        return map;
    }

    static Map<String, Object> record(DispositionRecord d) {
        var map = new LinkedHashMap<String, Object>();
        map.put("callId", d.callId());
        map.put("account", d.account().value());
        map.put("campaign", d.campaign().value());
        map.put("outcome", d.disposition().outcome().name());
        map.put("amount", d.disposition().amount() == null ? null : d.disposition().amount().toString());
        map.put("payBy", d.disposition().payBy());
        map.put("callbackAt", d.disposition().callbackAt());
        map.put("at", d.at());
        map.put("onLedgerLine", d.onLedgerLine());
        return map;
    }
}
