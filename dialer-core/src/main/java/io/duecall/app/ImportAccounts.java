package io.duecall.app;

import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AccountFile;
import io.duecall.port.AccountStore;
import io.duecall.port.ImportRejectedException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Loads a lender's account file into a campaign, streaming it: each account is staged in the store as it is read
 * (memory does not grow with the file), and only a file that is good throughout is committed. A rejected file
 * ({@link ImportRejectedException}) or any failure leaves the store as it was; accepted accounts are eligible from
 * the moment the import started.
 */
public final class ImportAccounts {
    private final AccountFile reader;
    private final AccountStore store;
    private final Clock clock;

    public ImportAccounts(AccountFile reader, AccountStore store, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.clock = clock;
    }

    /** Returns how many accounts were imported. */
    public int fromFile(CampaignId campaign, Path csv) {
        try (var in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return fromReader(campaign, csv.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + csv, e);
        }
    }

    public int fromReader(CampaignId campaign, String source, Reader csv) {
        try (var staged = store.beginImport(campaign, clock.instant())) {
            int imported = reader.stream(source, csv, staged::add);
            staged.commit();
            return imported;
        }
    }
}
