package io.duecall.demo;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.devsupport.LoopbackPorts;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.PlacedCall;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cluster demo's two simulated PBXs and the engine configuration of each node. Every node has its own outbound
 * context, whose dialplan runs the FastAGI IVR on that node (a real Asterisk would have one such context per node),
 * and its own two agents; every node holds AMI connections to both PBXs and spreads its calls over them, so a node's
 * calls are told apart in the PBXs' logs by their context.
 */
final class ClusterPbxs implements AutoCloseable {
    private static final int PBX_COUNT = 2;
    /** The campaign's lease: ring timeout (25 s) + longest call + the 30 s margin, with 5 s to spare. */
    static final Duration LEASE = Duration.ofSeconds(150);
    /** The longest a call may last after its answer; the PBX hangs it up then, even if its node is dead. */
    static final Duration MAX_CALL = Duration.ofMinutes(1);
    /** Each node's own dial tick. */
    static final Duration TICK_INTERVAL = Duration.ofMillis(100);
    /** PostgreSQL's own database, where the nodes' Quartz creates its tables. */
    static final String DATABASE = "postgres";
    /** The environment variable the nodes read the PBXs' AMI secret from; the secret is made for the run. */
    static final String AMI_SECRET_ENV = "DUECALL_DEMO_AMI_SECRET";
    private final String amiSecret = secretForTheRun();
    private final List<PbxSimulator> simulators = new ArrayList<>();
    private final Map<String, Integer> agiPorts = new LinkedHashMap<>();
    private final List<String> nodes;

    private ClusterPbxs(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** The simulators stamp their events and call logs with {@code clock}, the nodes' campaign time. */
    static ClusterPbxs start(List<String> nodes, double speed, long seed, Clock clock) throws IOException {
        var pbxs = new ClusterPbxs(nodes);
        var agi = new LinkedHashMap<String, URI>();
        var agents = new ArrayList<String>();
        for (int i = 0; i < nodes.size(); i++) {
            int port = LoopbackPorts.free();
            pbxs.agiPorts.put(nodes.get(i), port);
            agi.put(context(nodes.get(i)), URI.create("agi://127.0.0.1:" + port + "/reminder"));
            agents.addAll(agents(i));
        }
        try {
            for (int p = 0; p < PBX_COUNT; p++) {
                pbxs.simulators.add(PbxSimulator.start(new SimulatorConfig("127.0.0.1", 0, "dialer", pbxs.amiSecret, agi,
                        agi.keySet(), AmiConfig.defaults().agentContext(), agents, Population.defaults(), 1 / speed,
                        seed + p), clock));
            }
        } catch (RuntimeException e) {
            pbxs.close();
            throw e;
        }
        return pbxs;
    }

    private static String secretForTheRun() {
        var bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What a node's process needs in its environment: the AMI secret its configuration refers to. */
    Map<String, String> nodeEnvironment() {
        return Map.of(AMI_SECRET_ENV, amiSecret);
    }

    private static String context(String node) {
        return AmiConfig.defaults().outboundContext() + "-" + node;
    }

    private static List<String> agents(int nodeIndex) {
        return List.of(Integer.toString(201 + 2 * nodeIndex), Integer.toString(202 + 2 * nodeIndex));
    }

    private static String pbxName(int pbx) {
        return "pbx-" + (pbx + 1);
    }

    String describe(String node) {
        var pbxs = new ArrayList<String>();
        for (int p = 0; p < PBX_COUNT; p++) {
            pbxs.add(pbxName(p) + " on 127.0.0.1:" + simulators.get(p).amiPort());
        }
        return String.join(" and ", pbxs) + ", IVR on 127.0.0.1:" + agiPorts.get(node);
    }

    /**
     * The YAML configuration of one node: shared Redis, PostgreSQL (clustered Quartz) and campaign, its connections to
     * both PBXs (each carrying at most 6 of its calls, 2 originates a second of campaign time), its own context, IVR
     * and agents.
     */
    String nodeConfig(String node, int index, int redisPort, String jdbcUrl) {
        var agents = agents(index);
        var pbxs = new StringBuilder();
        for (int p = 0; p < PBX_COUNT; p++) {
            pbxs.append("""
                      - name: %s
                        host: 127.0.0.1
                        port: %d
                        username: dialer
                        secret: env:%s
                        outboundContext: %s
                        channels: 6
                        originatesPerSecond: 2
                        burst: 4
                    """.formatted(pbxName(p), simulators.get(p).amiPort(), AMI_SECRET_ENV, context(node)));
        }
        return """
                redis:
                  url: redis://127.0.0.1:%d
                  keyPrefix: %s
                pbxs:
                %sagi:
                  bindHost: 127.0.0.1
                  port: %d
                scheduler:
                  tickInterval: %s
                  maxOriginatesPerTick: 5
                  clustered: { jdbcUrl: "%s", user: postgres }
                agents:
                  seats:
                    - { id: "%s", campaigns: [%s] }
                    - { id: "%s", campaigns: [%s] }
                campaigns:
                  - id: %s
                    name: Reminders across the cluster
                    mode: IVR_REMINDER
                    companyName: Northwind Lending
                    callbackNumber: "18005550199"
                    channelLimit: 8
                    lease: %s
                    maxCallDuration: %s
                """.formatted(redisPort, ClusterDemo.KEY_PREFIX, pbxs, agiPorts.get(node), TICK_INTERVAL, jdbcUrl,
                agents.get(0),
                ClusterDemo.CAMPAIGN, agents.get(1), ClusterDemo.CAMPAIGN, ClusterDemo.CAMPAIGN, LEASE, MAX_CALL);
    }

    /** Both PBXs' call logs, each call with its PBX's name. */
    List<ClusterAudit.PbxCall> placedCalls() {
        var all = new ArrayList<ClusterAudit.PbxCall>();
        for (int p = 0; p < PBX_COUNT; p++) {
            var name = pbxName(p);
            simulators.get(p).placedCalls().forEach(call -> all.add(new ClusterAudit.PbxCall(name, call)));
        }
        return all;
    }

    /** The ids of the calls placed by one node, from both PBXs' logs: those into the node's own outbound context. */
    Set<String> callIdsOf(String node) {
        return placedCalls().stream().map(ClusterAudit.PbxCall::call).filter(call -> context(node).equals(call.context()))
                .map(PlacedCall::callId).collect(Collectors.toSet());
    }

    /** How many calls each PBX placed, in order. */
    List<Integer> callsPerPbx() {
        return simulators.stream().map(s -> s.placedCalls().size()).toList();
    }

    @Override
    public void close() {
        simulators.forEach(PbxSimulator::close);
    }
}
