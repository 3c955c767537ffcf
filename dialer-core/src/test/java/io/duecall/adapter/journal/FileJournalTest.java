package io.duecall.adapter.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.AccountId;
import io.duecall.domain.account.E164;
import io.duecall.domain.account.Money;
import io.duecall.domain.attempt.Attempt;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.promise.PromiseToPay;
import io.duecall.port.Journal;
import io.duecall.port.JournalUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {
    private static final Instant AT = Instant.parse("2026-03-03T17:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void entriesSurviveAReopenInOrderUntilApplied(@TempDir Path dir) {
        var promise = new Journal.Promise(promise("c-1"));
        var line = new Journal.LedgerLine(attempt("c-1"));
        var other = new Journal.LedgerLine(attempt("c-2"));
        try (var journal = FileJournal.open(dir)) {
            journal.append(promise);
            var first = journal.append(line);
            journal.append(other);
            journal.applied(first);
        }
        try (var reopened = FileJournal.open(dir)) {
            assertEquals(List.of(promise, other), reopened.pending().stream().map(Journal.Pending::entry).toList());
            assertEquals(0, reopened.tornFrames());
            var next = reopened.append(new Journal.LedgerLine(attempt("c-3")));
            assertTrue(next.seq() > reopened.pending().get(1).seq(), "sequence numbers keep growing across runs");
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndCutOffSoLaterEntriesFollowTheLastWholeOne(@TempDir Path dir) throws IOException {
        try (var journal = FileJournal.open(dir)) {
            journal.append(new Journal.Promise(promise("c-1")));
            journal.append(new Journal.Promise(promise("c-2")));
        }
        var segment = segment(dir);
        long size = Files.size(segment);
        try (var channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 5);
        }
        try (var reopened = FileJournal.open(dir)) {
            assertEquals(1, reopened.tornFrames());
            assertEquals(List.of("c-1"), callIds(reopened));
            reopened.append(new Journal.Promise(promise("c-3")));
        }
        try (var again = FileJournal.open(dir)) {
            assertEquals(0, again.tornFrames());
            assertEquals(List.of("c-1", "c-3"), callIds(again));
        }
    }

    @Test
    void aRecordWhoseChecksumFailsEndsItsSegment(@TempDir Path dir) throws IOException {
        try (var journal = FileJournal.open(dir)) {
            journal.append(new Journal.Promise(promise("c-1")));
            journal.append(new Journal.Promise(promise("c-2")));
        }
        var segment = segment(dir);
        var bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x20;
        Files.write(segment, bytes);
        try (var reopened = FileJournal.open(dir)) {
            assertEquals(List.of("c-1"), callIds(reopened));
        }
    }

    @Test
    void aSecondEngineIsKeptOutOfADirectoryInUse(@TempDir Path dir) {
        try (var journal = FileJournal.open(dir)) {
            var refused = assertThrows(JournalUnavailableException.class, () -> FileJournal.open(dir));
            assertTrue(refused.getMessage().startsWith("journal.dir: " + dir), refused.getMessage());
        }
    }

    @Test
    void anUnwritableDirectoryIsRefusedNamingTheKey(@TempDir Path dir) throws IOException {
        var file = Files.writeString(dir.resolve("not-a-dir"), "x");
        var refused = assertThrows(JournalUnavailableException.class, () -> FileJournal.open(file.resolve("journal")));
        assertTrue(refused.getMessage().startsWith("journal.dir: "), refused.getMessage());
    }

    @Test
    void aClosedJournalRefusesAppends(@TempDir Path dir) {
        var journal = FileJournal.open(dir);
        journal.close();
        assertThrows(JournalUnavailableException.class, () -> journal.append(new Journal.Promise(promise("c-1"))));
    }

    private static List<String> callIds(Journal journal) {
        return journal.pending().stream().map(p -> ((Journal.Promise) p.entry()).promise().callId()).toList();
    }

    private static Path segment(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        }
    }

    static PromiseToPay promise(String callId) {
        return new PromiseToPay(callId, new AccountId("a-1"), new CampaignId("reminders"), new Money(5_000, USD),
                LocalDate.of(2026, 3, 6), AT);
    }

    static Attempt attempt(String callId) {
        return new Attempt(callId, new CampaignId("reminders"), new AccountId("a-1"), new E164("+12125550100"),
                ZoneId.of("America/New_York"), LocalDateTime.of(2026, 3, 3, 12, 0), AT, AT.plusSeconds(8), null,
                AT.plusSeconds(60), CallOutcome.ANSWERED, Disposition.NO_COMMITMENT, null, false, null, null, "reminder-v1",
                null);
    }
}
