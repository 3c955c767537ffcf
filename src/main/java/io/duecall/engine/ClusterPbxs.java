package io.duecall.engine;

import io.duecall.adapter.ami.AmiConfig;
import io.duecall.pbxsim.PbxSimulator;
import io.duecall.pbxsim.PlacedCall;
import io.duecall.pbxsim.Population;
import io.duecall.pbxsim.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster demo's two simulated PBXs and the engine configuration of each node. Every node has its own outbound
 * context, whose dialplan runs the FastAGI IVR on that node (a real Asterisk would have one such context per node),
 * and its own two agents; node i connects to PBX i mod 2, so with three nodes the second has its PBX to itself.
 */
final class ClusterPbxs implements AutoCloseable {
    private static final int PBX_COUNT = 2;
    private final List<PbxSimulator> simulators = new ArrayList<>();
    private final Map<String, Integer> agiPorts = new LinkedHashMap<>();
    private final List<String> nodes;

    private ClusterPbxs(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    static ClusterPbxs start(List<String> nodes, double speed, long seed) throws IOException {
        var pbxs = new ClusterPbxs(nodes);
        var agi = new LinkedHashMap<String, URI>();
        var agents = new ArrayList<String>();
        for (int i = 0; i < nodes.size(); i++) {
            int port = ClusterDemo.freePort();
            pbxs.agiPorts.put(nodes.get(i), port);
            agi.put(context(nodes.get(i)), URI.create("agi://127.0.0.1:" + port + "/reminder"));
            agents.addAll(agents(i));
        }
        try {
            for (int p = 0; p < PBX_COUNT; p++) {
                pbxs.simulators.add(PbxSimulator.start(new SimulatorConfig("127.0.0.1", 0, "dialer", "secret", agi,
                        agi.keySet(), AmiConfig.defaults().agentContext(), agents, Population.defaults(), 1 / speed,
                        seed + p)));
            }
        } catch (RuntimeException e) {
            pbxs.close();
            throw e;
        }
        return pbxs;
    }

    private static String context(String node) {
        return AmiConfig.defaults().outboundContext() + "-" + node;
    }

    private static List<String> agents(int nodeIndex) {
        return List.of(Integer.toString(201 + 2 * nodeIndex), Integer.toString(202 + 2 * nodeIndex));
    }

    private PbxSimulator pbxOf(String node) {
        return simulators.get(nodes.indexOf(node) % PBX_COUNT);
    }

    String describe(String node) {
        return "pbx-" + (nodes.indexOf(node) % PBX_COUNT + 1) + " on 127.0.0.1:" + pbxOf(node).amiPort()
                + ", IVR on 127.0.0.1:" + agiPorts.get(node);
    }

    /** The YAML configuration of one node: shared Redis and campaign, its own PBX connection, context, IVR and agents. */
    String nodeConfig(String node, int index, int redisPort) {
        var agents = agents(index);
        return """
                redis:
                  url: redis://127.0.0.1:%d
                  keyPrefix: %s
                ami:
                  host: 127.0.0.1
                  port: %d
                  username: dialer
                  secret: secret
                  outboundContext: %s
                agi:
                  bindHost: 127.0.0.1
                  port: %d
                scheduler:
                  tickInterval: PT0.1S
                  maxOriginatesPerTick: 5
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
                    lease: PT2M
                """.formatted(redisPort, ClusterDemo.KEY_PREFIX, pbxOf(node).amiPort(), context(node),
                agiPorts.get(node), agents.get(0), ClusterDemo.CAMPAIGN, agents.get(1), ClusterDemo.CAMPAIGN,
                ClusterDemo.CAMPAIGN);
    }

    /** Both PBXs' call logs. */
    List<PlacedCall> placedCalls() {
        var all = new ArrayList<PlacedCall>();
        simulators.forEach(s -> all.addAll(s.placedCalls()));
        return all;
    }

    /** The calls placed by one node, read from its PBX's log; only for a node that has its PBX to itself. */
    List<PlacedCall> placedCallsOf(String node) {
        int pbx = nodes.indexOf(node) % PBX_COUNT;
        for (int i = 0; i < nodes.size(); i++) {
            if (i % PBX_COUNT == pbx && !nodes.get(i).equals(node)) {
                throw new IllegalStateException("node " + node + " shares pbx-" + (pbx + 1) + " with " + nodes.get(i));
            }
        }
        return simulators.get(pbx).placedCalls();
    }

    @Override
    public void close() {
        simulators.forEach(PbxSimulator::close);
    }
}
