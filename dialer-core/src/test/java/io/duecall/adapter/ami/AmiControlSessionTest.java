package io.duecall.adapter.ami;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.E164;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.pbxsim.Outcome;
import io.duecall.pbxsim.PbxLatency;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import io.duecall.port.CallEvent;
import io.duecall.port.CallRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Against a simulator that, as Asterisk's manager, serves each session's actions one after another (1 ms each, the
 * recorded latency): a Redirect sent while a hundred pipelined Originates wait for theirs is not served after them.
 */
class AmiControlSessionTest {
    private static final CampaignId CAMPAIGN = new CampaignId("desk");
    private static final int QUEUED = 100;

    @Test
    void aRedirectDoesNotWaitBehindTheOriginatesSentBeforeIt() throws Exception {
        var population = Population.defaults().withFixed("+15550000101", Outcome.ANSWERED, "")
                .withFixed("+15550000501", Outcome.NO_ANSWER, "");
        var simConfig = SimulatorConfig.defaults(URI.create("agi://127.0.0.1:1/reminder")).withAmiPort(0)
                .withPopulation(population).withTimeScale(0.01).withLatency(PbxLatency.RECORDED);
        var events = new LinkedBlockingQueue<CallEvent>();
        var acceptedAt = new ConcurrentHashMap<String, Long>();
        var lastAccepted = new java.util.concurrent.CountDownLatch(1);
        try (var simulator = PbxSimulator.start(simConfig, new HoldingAgiRunner());
                var originator = AmiCallOriginator.connect(AmiConfig.defaults()
                        .withEndpoint("127.0.0.1", simulator.amiPort())
                        .withCredentials(simConfig.amiUsername(), simConfig.amiSecret()), Clock.systemUTC())) {
            originator.onEvent(event -> {
                if (event instanceof CallEvent.OriginateAccepted) {
                    acceptedAt.put(event.callId(), System.nanoTime());
                    if (event.callId().equals("c-queued-" + (QUEUED - 1))) {
                        lastAccepted.countDown();
                    }
                } else {
                    events.add(event);
                }
            });
            originator.originate(new CallRequest("c-answer", CAMPAIGN, new E164("+15550000101"), Duration.ofSeconds(20)));
            assertInstanceOf(CallEvent.Answered.class, next(events, "c-answer"));
            for (int i = 0; i < QUEUED; i++) {
                // They ring for an hour (36 s here): only their responses matter.
                originator.originate(new CallRequest("c-queued-" + i, CAMPAIGN, new E164("+15550000501"),
                        Duration.ofHours(1)));
            }

            originator.bridgeToAgent("c-answer", "201");
            long redirectAccepted = System.nanoTime();

            assertTrue(lastAccepted.await(30, TimeUnit.SECONDS), "the queued originates were not all answered in 30 s");
            // On one session the Redirect would have been served after all of them, a millisecond each.
            assertTrue(redirectAccepted < acceptedAt.get("c-queued-" + (QUEUED - 1)),
                    "the Redirect was accepted only after the last of the Originates queued before it");
            for (int i = 0; i < QUEUED; i++) {
                originator.hangup("c-queued-" + i);
            }
        }
    }

    private static CallEvent next(BlockingQueue<CallEvent> events, String callId) throws InterruptedException {
        while (true) {
            var event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "no event for " + callId + " within 10 s");
            if (event.callId().equals(callId)) {
                return event;
            }
        }
    }
}
