package io.duecall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.duecall.devsupport.PostgresServerProcess;
import io.duecall.devsupport.RedisServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short cluster demo: three node processes on clustered Quartz, the one dialing killed with SIGKILL, audited from
 * the shared ledger and the PBXs.
 */
class ClusterDemoTest {

    @Test
    @Timeout(value = 120)
    void killedNodesAccountsAreDialedAgainByOthersWithNoDuplicateAndNoLostPromise(@TempDir Path out) throws Exception {
        assumeTrue(RedisServerProcess.binaryOnPath().isPresent(), "no redis-server on PATH: the cluster demo starts its own");
        assumeTrue(PostgresServerProcess.binaries().isPresent(), "no PostgreSQL programs (initdb, pg_ctl) in"
                + " /usr/lib/postgresql/*/bin or on PATH: the cluster demo starts its own PostgreSQL; install postgresql");
        var options = new ClusterDemo.Options(250, Duration.ofSeconds(8), Duration.ofSeconds(7), 30, 5,
                Instant.parse("2026-11-24T17:45:00Z"), out);
        var printed = new ByteArrayOutputStream();

        var audit = ClusterDemo.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        var text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(audit.passed(), text);
        assertTrue(audit.leasedByKilled() > 0, "the node was killed holding no lease, so nothing was tested:\n" + text);
        assertTrue(audit.promisesBefore() > 0, text);
        assertEquals(0, audit.pbxDuplicates(), text);
        assertEquals(0, audit.ledgerDuplicates(), text);
        assertTrue(text.contains("audit: PASSED"), text);
        assertTrue(text.contains("postgresql: on 127.0.0.1:"), text);
        var perPbx = java.util.regex.Pattern.compile("pbxs: pbx-1 placed (\\d+) calls, pbx-2 placed (\\d+)").matcher(text);
        assertTrue(perPbx.find(), text);
        assertTrue(Integer.parseInt(perPbx.group(1)) > 0 && Integer.parseInt(perPbx.group(2)) > 0,
                "every node spreads its calls over both PBXs:\n" + text);
    }
}
