package io.duecall.adapter.csv;

import static io.duecall.port.Fixtures.fullAttempt;
import static io.duecall.port.Fixtures.minimalAttempt;
import static io.duecall.port.Fixtures.promise;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.promise.PromiseToPay;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerCsvWritersTest {

    /** Jackson quotes cells it could mistake for other tokens (a leading +, long values); CSV readers unquote them. */
    @Test
    void attemptsAreWrittenWithEveryFieldIsoTimesAndDecimalAmounts() {
        var out = new StringWriter();

        new AttemptCsvWriter().write(List.of(fullAttempt("c-1"), minimalAttempt("c-2")), out);

        assertEquals("""
                call_id,campaign,account_id,number,time_zone,debtor_local_time,originated_at,answered_at,bridged_at,\
                ended_at,outcome,disposition,agent,abandoned,promise_amount,promise_currency,promise_date,flow_version,\
                rules_version,counted_7d,connected_today,unanswered_number_today,location_call,connected,rpc,disclosed,\
                time_zones,originate_accepted_at,test
                c-1,reminders,acct-1,"+14155550123",America/Los_Angeles,2025-03-10T07:00:00.123,2025-03-10T14:00:00Z,\
                2025-03-10T14:00:09Z,"2025-03-10T14:00:31.000000005Z",2025-03-10T14:03:20Z,ANSWERED,PROMISE_TO_PAY,agent-7,\
                true,50.25,USD,2025-03-20,reminder:3,rules-0a1b2c3d4e5f,3,1,2,false,true,true,AMOUNT,America/Los_Angeles,,false
                c-2,reminders,acct-2,"+14155550124",UTC,2025-03-10T14:00,2025-03-10T14:00:00Z,,,2025-03-10T14:00:30Z,\
                NO_ANSWER,NOT_CONNECTED,,false,,,,,,,,,false,true,false,NOTHING,UTC,,false
                """, out.toString());
    }

    @Test
    void promisesAreWrittenWithDecimalAmountsAndValuesNeedingQuotesAreQuoted() {
        var quoted = new PromiseToPay("c-2,\"x\"", new AccountId("acct-3"), promise("c-1", 5).campaign(),
                promise("c-1", 5).amount(), promise("c-1", 5).payBy(), promise("c-1", 5).promisedAt());
        var out = new StringWriter();

        new PromiseCsvWriter().write(List.of(promise("c-1", 5_000), quoted), out);

        assertEquals("""
                call_id,account_id,campaign,amount,currency,pay_by,promised_at
                c-1,acct-1,reminders,50.00,USD,2025-03-20,2025-03-10T14:01:00Z
                "c-2,""x""\",acct-3,reminders,0.05,USD,2025-03-20,2025-03-10T14:01:00Z
                """, out.toString());
    }

    // Issue 18: account id -2-3 is valid and was written bare into ledger.csv, where a spreadsheet computes -5.
    @Test
    void cellsAFormulaCouldStartWithAreWrittenAsTextAndPlainNumbersAsTheyAre() {
        var base = promise("c-1", 5_000);
        var formula = new PromiseToPay("=HYPERLINK(\"x\")", new AccountId("-2-3"), base.campaign(), base.amount(),
                base.payBy(), base.promisedAt());
        var out = new StringWriter();

        new PromiseCsvWriter().write(List.of(formula), out);

        assertEquals("""
                call_id,account_id,campaign,amount,currency,pay_by,promised_at
                "'=HYPERLINK(""x"")","'-2-3",reminders,50.00,USD,2025-03-20,2025-03-10T14:01:00Z
                """, out.toString());
    }

    @Test
    void everyFormulaPrefixIsNeutralizedFollowingOwasp() {
        var cells = List.of("=1+2", "+1+2", "-2-3", "@SUM(A1)", "\t=1", "\r=1", "-12.50", "+14155550123", "acct-1", "");

        var written = cells.stream().map(CsvFiles::neutralize).toList();

        assertEquals(List.of("'=1+2", "'+1+2", "'-2-3", "'@SUM(A1)", "'\t=1", "'\r=1", "-12.50", "+14155550123",
                "acct-1", ""), written);
    }
}
