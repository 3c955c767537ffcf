package io.duecall.web;

import io.duecall.app.AgentDesk;
import io.duecall.app.AgentPool;
import io.duecall.app.DialerEngine;
import io.duecall.app.RecordPayments;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.Money;
import io.duecall.domain.agent.AgentDisposition;
import io.duecall.domain.agent.AgentId;
import io.duecall.domain.agent.AgentStatus;
import io.duecall.domain.agent.DispositionRecord;
import io.duecall.domain.agent.ScreenPop;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.promise.PaymentsRejectedException;
import io.duecall.domain.window.DebtorZones;
import io.duecall.port.AccountStore;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the API does, behind the HTTP handlers: campaign control, imports and payments, eligibility explanations,
 * exports, and the agents' desks. Permission checks that depend on the data (whose call is it) are made here.
 */
public final class OpsService {
    private final Clock clock;
    private final DialerEngine dialer;
    private final AgentPool agents;
    private final AgentDesk desk;
    private final AccountStore accounts;
    private final CampaignControl control;
    private final CsvExports exports;
    private final CampaignEditor editor;
    private final RecordPayments payments;

    public record Explanation(String account, String campaign, String number, List<String> zones, boolean eligible,
            String reason, Instant nextEligible, String detail) {}

    public record DispositionRequest(AgentDisposition.Outcome outcome, String amount, LocalDate payBy,
            Instant callbackAt) {}

    public OpsService(OpsParts parts) {
        this.clock = parts.clock();
        this.dialer = parts.dialer();
        this.agents = parts.agents();
        this.desk = parts.desk();
        this.accounts = parts.accounts();
        this.control = parts.control();
        this.exports = parts.exports();
        this.editor = parts.campaigns();
        this.payments = parts.payments();
    }

    public Campaign createCampaign(String definition, String contentType) {
        return editor.create(definition, contentType);
    }

    public Campaign replaceCampaign(String id, String definition, String contentType) {
        return editor.replace(campaign(id).id(), definition, contentType);
    }

    /** Stops the campaign's dial cycle, then removes it (refused while its calls are in flight; it stays stopped). */
    public void deleteCampaign(String id) {
        var campaign = campaign(id).id();
        if (editor != CampaignEditor.UNSUPPORTED) {
            control.stop(campaign);
        }
        editor.delete(campaign);
    }

    /** Every key of a campaign definition with its type and default, for a page that edits definitions. */
    public List<CampaignField> campaignSchema() {
        return editor.schema();
    }

    /** Where the campaign comes from (the file or the API) and what it was defined with. */
    public Map<String, Object> campaignDefinition(String id) {
        return Views.definition(campaign(id), editor);
    }

    public Campaign campaign(String id) {
        try {
            var campaignId = new CampaignId(id);
            return dialer.campaigns().stream().filter(c -> c.id().equals(campaignId)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("campaign '" + id + "' is not configured"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("campaign '" + id + "' is not configured");
        }
    }

    public CampaignControl.RunState start(String id) {
        control.start(campaign(id).id());
        return control.state(campaign(id).id());
    }

    public CampaignControl.RunState pause(String id) {
        control.pause(campaign(id).id());
        return control.state(campaign(id).id());
    }

    public CampaignControl.RunState stop(String id) {
        control.stop(campaign(id).id());
        return control.state(campaign(id).id());
    }

    /**
     * Records payments as the CSV feed does: promises kept or partly kept, an account paid in full out of every
     * queue, a reference recorded once. Every entry is checked before any is recorded.
     */
    public RecordPayments.Result payments(List<PaymentEntries.Entry> entries) {
        var feed = PaymentEntries.parse(entries);
        if (payments == null) {
            throw new ApiException(503, "this server records no payments (no payment store is wired)");
        }
        try {
            return payments.record(feed);
        } catch (PaymentsRejectedException e) {
            throw new ApiException(400, e.problems().stream().map(PaymentEntries::describe)
                    .collect(Collectors.joining("; ")) + "; nothing was recorded");
        }
    }

    public Explanation explain(String campaignId, String accountId) {
        var campaign = campaign(campaignId);
        var account = accounts.find(new AccountId(accountId))
                .orElseThrow(() -> ApiException.notFound("account '" + accountId + "' is not stored"));
        var choice = dialer.eligibility().decide(campaign.id(), account, clock.instant());
        var phone = choice.phone().orElse(account.phones().getFirst());
        var contact = choice.contact();
        var zones = contact.isPresent() ? DebtorZones.ofNumber(contact.get().number())
                : DebtorZones.of(account, phone.number());
        var zoneNames = zones.stream().map(Object::toString).sorted().toList();
        var masked = contact.map(c -> "contact (" + c.relation().name().toLowerCase() + ") ending "
                + last(c.number().value(), 2))
                .orElse(phone.type().name().toLowerCase() + " ending " + last(phone.number().value(), 2));
        return switch (choice.decision()) {
            case DialDecision.Dial d -> new Explanation(accountId, campaignId, masked, zoneNames, true, null, null,
                    "every contact rule permits a call now; the debtor's local time is "
                            + d.debtorTime().toLocalTime().withNano(0));
            case DialDecision.Skip s -> new Explanation(accountId, campaignId, masked, zoneNames, false,
                    s.reason().name(), s.nextEligible(), s.detail());
        };
    }

    private static String last(String text, int n) {
        return text.substring(Math.max(0, text.length() - n));
    }

    public String ledgerCsv() {
        var out = new StringWriter();
        exports.ledger(out);
        return out.toString();
    }

    public String promisesCsv() {
        var out = new StringWriter();
        exports.promises(out);
        return out.toString();
    }

    public List<AgentStatus> agentStates() {
        return agents.figures().states(clock.instant());
    }

    public AgentStatus agentAction(Principal who, String agentId, String action, String reason) {
        var agent = agent(who, agentId);
        var now = clock.instant();
        switch (action) {
            case "login", "ready" -> {
                // Logging in or pressing Ready twice is not an error for the person at the desk.
                var state = agents.figures().state(agent, now);
                if (state == io.duecall.domain.agent.AgentState.LOGGED_OUT || state == io.duecall.domain.agent.AgentState.PAUSED
                        || (state == io.duecall.domain.agent.AgentState.WRAP_UP && action.equals("ready"))) {
                    agents.ready(agent, now);
                }
            }
            case "pause" -> agents.pause(agent, reason == null ? "break" : reason, now);
            case "logout" -> agents.logout(agent, now);
            default -> throw ApiException.notFound("agent action '" + action + "' (expected login, ready, pause or logout)");
        }
        return status(agent);
    }

    public AgentStatus status(AgentId agent) {
        return agents.figures().states(clock.instant()).stream().filter(s -> s.seat().id().equals(agent)).findFirst().orElseThrow();
    }

    public AgentId agent(Principal who, String agentId) {
        AgentId agent;
        try {
            agent = new AgentId(agentId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("agent '" + agentId + "' is not configured");
        }
        if (!who.mayActFor(agent)) {
            throw ApiException.forbidden("agent " + who.agent() + " may not act for agent " + agent);
        }
        if (!agents.figures().knows(agent)) {
            throw ApiException.notFound("agent '" + agentId + "' is not configured");
        }
        return agent;
    }

    public ScreenPop currentCall(Principal who, String agentId) {
        return desk.current(agent(who, agentId)).orElse(null);
    }

    public List<DispositionRecord> history(Principal who, String agentId) {
        return desk.history(agent(who, agentId));
    }

    public ScreenPop call(Principal who, String callId) {
        var pop = desk.call(callId).orElseThrow(() -> ApiException.notFound("call '" + callId + "' is not known"));
        if (!who.mayActFor(pop.agent())) {
            throw ApiException.forbidden("call " + callId + " is not agent " + who.agent() + "'s call");
        }
        return pop;
    }

    public DispositionRecord dispose(Principal who, String callId, DispositionRequest request) {
        var pop = call(who, callId);
        var currency = pop.account().amountDue().currency();
        var amount = request.amount() == null ? null : Money.parse(request.amount(), currency);
        var disposition = new AgentDisposition(request.outcome(), amount, request.payBy(), request.callbackAt());
        return desk.dispose(pop.agent(), callId, disposition);
    }
}
