package io.duecall.engine;

import io.duecall.adapter.redis.RedisDoctorReports;
import io.duecall.adapter.redis.RedisKeys;
import io.duecall.app.CallSessions;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.engine.config.ConfigException;
import io.duecall.engine.config.EngineConfig;
import io.duecall.ivr.adapter.agi.AgiSessionListener;
import io.duecall.ivr.adapter.agi.IvrServer;
import io.duecall.ivr.adapter.agi.IvrServerConfig;
import io.duecall.ivr.adapter.agi.PromptCheckAgiScript;
import io.duecall.ivr.adapter.agi.ReminderAgiScript;
import io.duecall.ivr.flow.FlowLoader;
import io.duecall.ivr.flow.MachinePolicy;
import io.duecall.ivr.flow.PromptList;
import io.duecall.ivr.flow.ReminderFlow;
import io.duecall.web.TelephonyMeters;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * The engine's FastAGI server: the reminder flow for the dialer's calls and the prompt check for {@code ./duecall
 * doctor}'s loop-back call, each session counted in the telephony meters.
 */
final class IvrWiring {
    private static final Duration IVR_INPUT_TIMEOUT = Duration.ofSeconds(5);

    private IvrWiring() {}

    /** The server, not yet started, of {@code agi.*}; {@code machine} is each campaign's answering-machine policy. */
    static IvrServer server(EngineConfig.Resolved config, UnifiedJedis jedis, RedisKeys keys, CallSessions sessions,
            Function<CampaignId, MachinePolicy> machine, TelephonyMeters meters) {
        var flow = new ReminderFlow(sessions, IVR_INPUT_TIMEOUT, FlowLoader.defaultFlow(), FlowLoader.locationFlow(),
                machine);
        return new IvrServer(new IvrServerConfig(bindAddress(config.agi().bindHost()), config.agi().port(),
                config.agi().readTimeout(), config.agi().allowList(), config.agi().limits()),
                Map.of(IvrServer.SCRIPT, new ReminderAgiScript(sessions, flow), PromptCheckAgiScript.SCRIPT,
                        doctorScript(config, jedis, keys)), new AgiSessionListener() {
                    @Override
                    public void sessionStarted() {
                        meters.sessionStarted();
                    }

                    @Override
                    public void sessionEnded() {
                        meters.sessionEnded();
                    }
                });
    }

    /**
     * The script of {@code ./duecall doctor}'s loop-back call, which a doctor run beside this engine cannot serve
     * itself while the engine holds the FastAGI port: what each call found goes to Redis for it.
     */
    private static PromptCheckAgiScript doctorScript(EngineConfig.Resolved config, UnifiedJedis jedis, RedisKeys keys) {
        var reports = new RedisDoctorReports(jedis, keys);
        var files = PromptCommands.prompts(config).stream().map(PromptList.Entry::file).toList();
        return new PromptCheckAgiScript(files, new PromptCheckAgiScript.Elsewhere() {
            @Override
            public void arrived(String callId, String peer) {
                reports.arrived(callId, peer);
            }

            @Override
            public void done(String callId, PromptCheckAgiScript.Report report) {
                reports.done(callId, report.peer(), report.present(), report.missing());
            }
        });
    }

    private static InetAddress bindAddress(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("agi.bindHost was '" + host + "' but it does not resolve");
        }
    }
}
