package io.duecall.web;

import io.duecall.domain.agent.AgentStatus;
import io.duecall.domain.agent.DispositionRecord;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.domain.campaign.Campaign;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the API shows campaigns, agents, screen pops and dispositions as JSON objects. */
public final class Views {
    private Views() {}

    public static Map<String, Object> campaign(Campaign campaign) {
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

    /**
     * Where a campaign comes from and what it was defined with: its definition (the stored one of a campaign created
     * through the API, the file's entry of one from the configuration file, which is read-only), or the campaign's
     * settings where the server has no definition of it.
     */
    public static Map<String, Object> definition(Campaign campaign, CampaignEditor editor) {
        var view = new LinkedHashMap<String, Object>();
        view.put("campaign", campaign.id().value());
        var fromFile = editor.fromConfigurationFile(campaign.id());
        view.put("source", fromFile ? "file" : "api");
        view.put("editable", !fromFile);
        view.put("definition", editor.definition(campaign.id()).<Object>map(text -> Json.read(text, Map.class))
                .orElseGet(() -> campaign(campaign)));
        return view;
    }

    public static Map<String, Object> field(CampaignField f) {
        var map = new LinkedHashMap<String, Object>();
        map.put("key", f.key());
        map.put("type", f.type());
        map.put("required", f.required());
        map.put("default", f.defaultValue());
        if (f.note() != null) {
            map.put("note", f.note());
        }
        if (!f.values().isEmpty()) {
            map.put("values", f.values());
        }
        return map;
    }

    public static Map<String, Object> status(AgentStatus s) {
        var map = new LinkedHashMap<String, Object>();
        map.put("agent", s.seat().id().value());
        map.put("campaigns", s.seat().campaigns().stream().map(Object::toString).sorted().toList());
        map.put("state", s.state().name());
        map.put("pauseReason", s.pauseReason());
        map.put("since", s.since());
        Map<String, Object> call = null;
        if (s.hold() != null) {
            call = new LinkedHashMap<>();
            call.put("callId", s.hold().callId());
            call.put("campaign", s.hold().campaign().value());
        }
        map.put("call", call);
        return map;
    }

    /** The screen pop as the desk shows it; numbers are masked, as the agent needs only to know which was dialed. */
    public static Map<String, Object> call(ScreenPop pop) {
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

    public static Map<String, Object> disposition(DispositionRecord d) {
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
