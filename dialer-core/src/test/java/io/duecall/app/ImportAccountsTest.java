package io.duecall.app;

import java.util.List;
import static io.duecall.port.Fixtures.CAMPAIGN;
import static io.duecall.port.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.redis.RedisAccountStore;
import io.duecall.adapter.redis.RedisTestSupport;
import io.duecall.domain.account.AccountId;
import io.duecall.port.ImportRejectedException;
import java.io.StringReader;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.params.ScanParams;

class ImportAccountsTest {
    private static final String HEADER = "account_id,debtor_name,phones,time_zone,amount_due,currency,due_date,days_past_due\n";

    @RegisterExtension
    final RedisTestSupport redis = new RedisTestSupport();

    private RedisAccountStore store;
    private ImportAccounts importAccounts;

    @BeforeEach
    void createUseCase() {
        store = new RedisAccountStore(redis.jedis(), redis.keys());
        importAccounts = new ImportAccounts(new AccountCsvReader("US"), store, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static String rows(int from, int to) {
        var csv = new StringBuilder();
        for (int i = from; i <= to; i++) {
            csv.append("A-").append(i).append(",Dana ").append(i).append(",mobile:+1415555").append(1000 + i)
                    .append(",America/Chicago,10.00,USD,2025-02-01,").append(i).append('\n');
        }
        return csv.toString();
    }

    /** Every key under the test's prefix with a dump of its value, so any write would show. */
    private Map<String, String> keyspace() {
        var snapshot = new TreeMap<String, String>();
        var cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.jedis().scan(cursor, new ScanParams().match(redis.keys().everything()).count(500));
            page.getResult().forEach(key -> snapshot.put(key, HexFormat.of().formatHex(redis.jedis().dump(key))));
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return snapshot;
    }

    @Test
    void goodFileIsStoredAndQueuedFromNow() {
        var imported = importAccounts.fromReader(CAMPAIGN, "accounts.csv", new StringReader(HEADER + rows(1, 5)));

        assertEquals(5, imported);
        assertEquals(5, store.queued(CAMPAIGN));
        assertEquals(Optional.of(T0), store.nextEligible(CAMPAIGN));
        assertEquals("Dana 3", store.find(new AccountId("A-3")).orElseThrow().debtorName());
    }

    @Test
    void fileWithOneBadRowIsRejectedWholeAndLeavesTheKeyspaceUnchanged() {
        importAccounts.fromReader(CAMPAIGN, "first.csv", new StringReader(HEADER + rows(1, 3)));
        var before = keyspace();
        var badLineSeven = HEADER + rows(2, 6) + "A-7,Dana 7,mobile:+14155551007,America/Chicago,12.345,USD,2025-02-01,7\n"
                + rows(8, 10);

        var error = assertThrows(ImportRejectedException.class,
                () -> importAccounts.fromReader(CAMPAIGN, "second.csv", new StringReader(badLineSeven)));

        assertTrue(error.getMessage().contains("line 7, amount_due: amount: '12.345'"), error.getMessage());
        assertEquals(before, keyspace());
        assertEquals(3, store.queued(CAMPAIGN));
    }

    @Test
    void countsNumbersThatCanNeverBeDialedByReasonAndStoresTheFile() {
        var csv = HEADER + "A-1,Dana,mobile:+80012345678,,1.00,USD,2025-02-01,3\n"
                + "A-2,Lee,mobile:+14155550123,America/Chicago,1.00,USD,2025-02-01,3\n"
                + "A-3,Sam,mobile:+80012345679,,1.00,USD,2025-02-01,3\n";

        var summary = importAccounts.importReader(CAMPAIGN, "accounts.csv", new StringReader(csv));

        assertEquals(3, summary.imported());
        assertEquals(Map.of(io.duecall.domain.compliance.Dialability.Reason.NO_ZONE, 2), summary.undialable());
        assertEquals(2, summary.examples().getFirst().line());
        assertTrue(summary.warnings().getFirst().startsWith("warning: 2 numbers can never be dialed"),
                summary.warnings().toString());
        assertTrue(store.find(new AccountId("A-3")).isPresent());
    }

    @Test
    void aStrictImportRefusesAFileWithANumberThatCanNeverBeDialedAndStoresNothing() {
        var strict = new ImportAccounts(new AccountCsvReader("US"), store, Clock.fixed(T0, ZoneOffset.UTC),
                io.duecall.domain.window.WeeklyWindows.defaults(), /* strict= */ true);
        var csv = HEADER + "A-1,Dana,mobile:+14155550123,America/Chicago,1.00,USD,2025-02-01,3\n"
                + "A-2,Lee,mobile:+80012345678,,1.00,USD,2025-02-01,3\n";

        var e = assertThrows(ImportRejectedException.class,
                () -> strict.importReader(CAMPAIGN, "accounts.csv", new StringReader(csv)));

        assertTrue(e.getMessage().contains("line 3, phones: +80012345678 has no time zone"), e.getMessage());
        assertEquals(Optional.empty(), store.find(new AccountId("A-1")));
    }

    @Test
    void tellsItsProgressOfEachAccountRead() {
        var told = new java.util.ArrayList<Long>();

        importAccounts.withProgress((done, total) -> told.add(done))
                .fromReader(CAMPAIGN, "accounts.csv", new StringReader(HEADER + rows(1, 4)));

        assertEquals(List.of(1L, 2L, 3L, 4L), told);
    }
}
