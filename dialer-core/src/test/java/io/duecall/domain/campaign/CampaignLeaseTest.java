package io.duecall.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.window.CallingWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A campaign's lease must outlast its longest call, so that a dead dialer's call is over before a redial. */
class CampaignLeaseTest {

    private static Campaign campaign(Duration ring, Duration lease, Duration maxCall) {
        return new Campaign(new CampaignId("c"), "C", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme",
                "18005550100", 5, ring, Duration.ofSeconds(2), lease, 3, maxCall);
    }

    @Test
    void aLeaseCoveringRingTimeMaximumCallAndMarginIsAccepted() {
        var c = campaign(Duration.ofSeconds(25), Duration.ofSeconds(115), Duration.ofSeconds(60));

        assertEquals(Duration.ofSeconds(60), c.maxCallDuration());
    }

    @Test
    void aLeaseShorterThanRingTimeMaximumCallAndMarginIsRefusedNamingThem() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> campaign(Duration.ofSeconds(25), Duration.ofSeconds(114), Duration.ofSeconds(60)));

        assertTrue(e.getMessage().startsWith("campaign.lease: PT1M54S (expected at least ringTimeout PT25S"
                + " + maxCallDuration PT1M + PT30S margin = PT1M55S"), e.getMessage());
    }

    @Test
    void aMaximumCallShorterThanThirtySecondsIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> campaign(Duration.ofSeconds(25), Duration.ofMinutes(10), Duration.ofSeconds(29)));

        assertTrue(e.getMessage().startsWith("campaign.maxCallDuration: PT29S"), e.getMessage());
    }

    @Test
    void withoutAMaximumCallsMayLastAsLongAsTheLeaseAllows() {
        var c = new Campaign(new CampaignId("c"), "C", CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme",
                "18005550100", 5, Duration.ofSeconds(25), Duration.ofSeconds(2), Duration.ofMinutes(10), 3);

        assertEquals(Duration.ofMinutes(10).minusSeconds(55), c.maxCallDuration());
    }

    @Test
    void aLeaseTooShortForAnyCallIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Campaign(new CampaignId("c"), "C",
                CampaignMode.IVR_REMINDER, CallingWindow.defaults(), "Acme", "18005550100", 5, Duration.ofSeconds(25),
                Duration.ofSeconds(2), Duration.ofSeconds(80), 3));

        assertTrue(e.getMessage().startsWith("campaign.lease: PT1M20S (expected at least ringTimeout PT25S"), e.getMessage());
    }
}
