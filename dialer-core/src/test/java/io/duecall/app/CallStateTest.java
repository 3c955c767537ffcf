package io.duecall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Account;
import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.account.Phone;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.window.CallingWindow;
import io.duecall.port.Claim;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallStateTest {
    private static final Instant NOON_NEW_YORK = Instant.parse("2026-03-03T17:00:00Z");
    private static final CampaignId DESK = new CampaignId("desk");

    @Test
    void callGoesFromRingingThroughTheIvrAndItsAgentToItsEnd() {
        var call = call();

        call.answered();
        call.moveTo(CallState.WAITING_FOR_AGENT);
        call.moveTo(CallState.BRIDGED);
        call.moveTo(CallState.ENDED);

        assertTrue(call.closed());
    }

    @Test
    void answerReportedLateLeavesACallFurtherOnWhereItIs() {
        var call = call();
        call.answered();
        call.moveTo(CallState.WAITING_FOR_AGENT);

        call.answered();

        assertEquals(CallState.WAITING_FOR_AGENT, call.state());
    }

    @Test
    void bridgedCallCannotGoBackToWaitingForAnAgent() {
        var call = call();
        call.answered();
        call.moveTo(CallState.BRIDGED);

        var refused = assertThrows(IllegalStateTransitionException.class,
                () -> call.moveTo(CallState.WAITING_FOR_AGENT));

        assertEquals("call c-1: cannot move from Bridged to WaitingForAgent (expected one of: Ended)",
                refused.getMessage());
        assertEquals(CallState.BRIDGED, call.state());
    }

    @Test
    void endedCallMovesNowhere() {
        var call = call();
        call.moveTo(CallState.ENDED);

        for (var next : CallState.ALL) {
            var refused = assertThrows(IllegalStateTransitionException.class, () -> call.moveTo(next));
            assertTrue(refused.getMessage().contains("expected no move: Ended is final"), refused.getMessage());
        }
        assertFalse(CallState.RINGING.mayMoveTo(CallState.RINGING));
    }

    private static LiveCall call() {
        var account = new Account(new AccountId("a-1"), "Dana Example",
                List.of(new Phone(new E164("+12125550100"), PhoneType.MOBILE)), Optional.of(ZoneId.of("America/New_York")),
                new Money(12_550, Currency.getInstance("USD")), LocalDate.of(2026, 2, 20), 11);
        var campaign = new Campaign(DESK, "Desk", CampaignMode.AGENT, CallingWindow.defaults(), "Acme Lending",
                "18005550100", 5, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(5), 3);
        var claim = new Claim(DESK, account, "lease-1", NOON_NEW_YORK.plusSeconds(60));
        return new LiveCall("c-1", claim, campaign, new E164("+12125550100"), null,
                NOON_NEW_YORK.atZone(ZoneId.of("America/New_York")), List.of(), NOON_NEW_YORK);
    }
}
