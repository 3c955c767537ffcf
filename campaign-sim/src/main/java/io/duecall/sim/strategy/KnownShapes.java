package io.duecall.sim.strategy;

import io.duecall.app.BestTimeScheduler;
import io.duecall.domain.account.Account;
import io.duecall.domain.account.E164;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.Propensity;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.ContactHistory;
import io.duecall.sim.portfolio.PortfolioPbx;
import java.util.List;
import java.util.function.Function;

/**
 * An estimator that knows the simulated kinds of people (their true habits by slot) but not which kind an account's
 * person is: it weighs each kind by its share of the population and by how well it explains the account's own calls
 * (answered or not, slot by slot), and expects the mixture. It bounds what a model of habit shapes learned from the
 * ledger could reach: the oracle also knows who is which before the first call.
 */
final class KnownShapes implements BestTimeScheduler.Estimator {
    private static final double FLOOR = 0.01;
    private final PortfolioPbx pbx;

    KnownShapes(PortfolioPbx pbx) {
        this.pbx = pbx;
    }

    @Override
    public Function<ContactSlot, Propensity> forNumber(CampaignId campaign, Account account, ContactHistory history,
            E164 number) {
        var kinds = pbx.profiles();
        double[] log = new double[kinds.size()];
        for (int k = 0; k < log.length; k++) {
            log[k] = Math.log(kinds.get(k).weight());
        }
        for (var past : history.attempts()) {
            var slot = pbx.slotOf(past.number(), past.at()).orElse(null);
            if (slot == null) {
                continue; // a third party's number says nothing of the debtor's habits
            }
            boolean answered = past.outcome() == CallOutcome.ANSWERED || past.rightParty();
            for (int k = 0; k < log.length; k++) {
                double q = Math.min(1 - FLOOR, Math.max(FLOOR, pbx.answerAs(past.number(), kinds.get(k), slot)
                        .orElseThrow()));
                log[k] += Math.log(answered ? q : 1 - q);
            }
        }
        double max = java.util.Arrays.stream(log).max().orElse(0);
        double[] weight = new double[log.length];
        double sum = 0;
        for (int k = 0; k < weight.length; k++) {
            weight[k] = Math.exp(log[k] - max);
            sum += weight[k];
        }
        for (int k = 0; k < weight.length; k++) {
            weight[k] /= sum;
        }
        double reachShare = pbx.rightPartyShareOfPeople();
        return slot -> {
            double answer = 0;
            for (int k = 0; k < weight.length; k++) {
                answer += weight[k] * pbx.answerAs(number, kinds.get(k), slot).orElse(0);
            }
            return new Propensity(slot, answer, answer * reachShare, List.of());
        };
    }
}
