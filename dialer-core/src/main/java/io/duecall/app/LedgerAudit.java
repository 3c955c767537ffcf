package io.duecall.app;

import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the attempt ledger back and reports, per campaign, what was dialed and how it went, and checks each line
 * against the campaign's calling window in every zone the line was judged in. The summary trusts the ledger, not
 * the engine's running counters.
 */
public final class LedgerAudit {
    private LedgerAudit() {}

    public record CampaignAudit(
            CampaignId campaign,
            long dials,
            Map<CallOutcome, Long> outcomes,
            long rightPartyContacts,
            long promises,
            Map<String, BigDecimal> promisedByCurrency,
            long bridged,
            long abandoned,
            long outsideWindow) {

        public long humanAnswers() {
            return outcomes.getOrDefault(CallOutcome.ANSWERED, 0L);
        }

        /** Abandoned calls over live answers, as the abandoned-call rules define the rate. */
        public double abandonRate() {
            return humanAnswers() == 0 ? 0 : (double) abandoned / humanAnswers();
        }
    }

    public static List<CampaignAudit> audit(Collection<Campaign> campaigns, List<Attempt> ledger) {
        var byCampaign = new LinkedHashMap<CampaignId, Campaign>();
        campaigns.forEach(c -> byCampaign.put(c.id(), c));
        var builders = new LinkedHashMap<CampaignId, Builder>();
        campaigns.forEach(c -> builders.put(c.id(), new Builder(c.id())));
        for (var attempt : ledger) {
            var campaign = byCampaign.get(attempt.campaign());
            var builder = builders.computeIfAbsent(attempt.campaign(), Builder::new);
            builder.add(attempt, campaign);
        }
        return builders.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {
        final CampaignId id;
        final Map<CallOutcome, Long> outcomes = new TreeMap<>();
        final Map<String, BigDecimal> promised = new TreeMap<>();
        long dials;
        long rightParty;
        long promises;
        long bridged;
        long abandoned;
        long outsideWindow;

        Builder(CampaignId id) {
            this.id = id;
        }

        void add(Attempt attempt, Campaign campaign) {
            dials++;
            outcomes.merge(attempt.outcome(), 1L, Long::sum);
            if (CampaignFigures.isRightParty(attempt.disposition())) {
                rightParty++;
            }
            if (attempt.promiseAmount() != null) {
                promises++;
                promised.merge(attempt.promiseAmount().currency().getCurrencyCode(),
                        attempt.promiseAmount().toDecimal(), BigDecimal::add);
            }
            if (attempt.bridgedAt() != null) {
                bridged++;
            }
            if (attempt.abandoned()) {
                abandoned++;
            }
            // A line of an unknown campaign has no window to be inside of, so it counts as a violation; a line judged
            // in several zones must be inside the window in each of them.
            if (campaign == null || attempt.timeZones().stream()
                    .anyMatch(zone -> !campaign.window().permits(attempt.originatedAt().atZone(zone)))) {
                outsideWindow++;
            }
        }

        CampaignAudit build() {
            return new CampaignAudit(id, dials, Map.copyOf(outcomes), rightParty, promises, Map.copyOf(promised),
                    bridged, abandoned, outsideWindow);
        }
    }
}
