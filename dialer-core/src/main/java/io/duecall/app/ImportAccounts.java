package io.duecall.app;

import io.duecall.port.AccountFile;
import io.duecall.port.ImportError;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.compliance.Dialability;
import io.duecall.domain.window.WeeklyWindows;
import io.duecall.port.AccountStore;
import io.duecall.port.ImportRejectedException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a lender's account file into a campaign, streaming it: each account is staged in the store as it is read
 * (memory does not grow with the file), and only a file that is good throughout is committed. A rejected file
 * ({@link ImportRejectedException}) or any failure leaves the store as it was; accepted accounts are eligible from
 * the moment the import started. Numbers that no rule will ever let the dialer call ({@link Dialability}) are
 * counted by reason in the {@link Summary}; a strict import refuses the file instead.
 */
public final class ImportAccounts {
    /** How many numbers to describe in full, per import; the rest are only counted. */
    public static final int EXAMPLES = 20;
    private final AccountFile reader;
    private final AccountStore store;
    private final Clock clock;
    private final WeeklyWindows window;
    private final boolean strict;
    private final ProgressListener progress;

    public ImportAccounts(AccountFile reader, AccountStore store, Clock clock) {
        this(reader, store, clock, WeeklyWindows.defaults(), false);
    }

    /**
     * @param window the campaign's calling window, in which every zone of a number must share an open hour
     * @param strict refuse the file when any number can never be dialed, instead of warning
     */
    public ImportAccounts(AccountFile reader, AccountStore store, Clock clock, WeeklyWindows window,
            boolean strict) {
        this(reader, store, clock, window, strict, ProgressListener.NONE);
    }

    private ImportAccounts(AccountFile reader, AccountStore store, Clock clock, WeeklyWindows window, boolean strict,
            ProgressListener progress) {
        this.reader = reader;
        this.store = store;
        this.clock = clock;
        this.window = window;
        this.strict = strict;
        this.progress = progress;
    }

    /** The same import, telling {@code progress} of each account read (the total is not known while streaming). */
    public ImportAccounts withProgress(ProgressListener progress) {
        return new ImportAccounts(reader, store, clock, window, strict, progress);
    }

    /**
     * What an import stored, and the numbers it stored that can never be dialed: counted per reason, the first
     * {@link #EXAMPLES} described with their line.
     */
    public record Summary(int imported, Map<Dialability.Reason, Integer> undialable, List<ImportError> examples) {
        public Summary {
            undialable = Map.copyOf(undialable);
            examples = List.copyOf(examples);
        }

        public int undialableNumbers() {
            return undialable.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** One line per reason, then the examples; empty when every number can be dialed. */
        public List<String> warnings() {
            var lines = new ArrayList<String>();
            if (undialable.isEmpty()) {
                return lines;
            }
            lines.add("warning: " + undialableNumbers() + " numbers can never be dialed by these rules:");
            new EnumMap<>(undialable).forEach((reason, count) -> lines.add("  " + reason + ": " + count));
            examples.forEach(e -> lines.add("  " + e));
            return lines;
        }
    }

    /** Returns how many accounts were imported. */
    public int fromFile(CampaignId campaign, Path csv) {
        return importFile(campaign, csv).imported();
    }

    public Summary importFile(CampaignId campaign, Path csv) {
        try (var in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return importReader(campaign, csv.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + csv, e);
        }
    }

    public int fromReader(CampaignId campaign, String source, Reader csv) {
        return importReader(campaign, source, csv).imported();
    }

    public Summary importReader(CampaignId campaign, String source, Reader csv) {
        var check = new Dialability(window);
        var counts = new EnumMap<Dialability.Reason, Integer>(Dialability.Reason.class);
        var examples = new ArrayList<ImportError>();
        try (var staged = store.beginImport(campaign, clock.instant())) {
            long[] read = {0};
            int imported = reader.streamNumbered(source, csv, (line, account) -> {
                for (var problem : check.problems(account)) {
                    counts.merge(problem.reason(), 1, Integer::sum);
                    if (examples.size() < (strict ? ImportRejectedException.MAX_LISTED : EXAMPLES)) {
                        examples.add(new ImportError(line, "phones", problem + " (" + problem.reason() + ")"));
                    }
                }
                staged.add(account);
                progress.progressed(++read[0], 0);
            });
            var summary = new Summary(imported, counts, examples);
            if (strict && summary.undialableNumbers() > 0) {
                throw new ImportRejectedException(source + " (strict: numbers that can never be dialed)", examples,
                        summary.undialableNumbers());
            }
            staged.commit();
            return summary;
        }
    }
}
