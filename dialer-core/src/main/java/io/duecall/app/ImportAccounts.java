package io.duecall.app;

import io.duecall.adapter.csv.AccountCsvReader;
import io.duecall.adapter.csv.ImportRejectedException;
import io.duecall.domain.account.Account;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.AccountStore;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Loads a lender's account file into a campaign: the whole file is validated first, so a rejected file
 * ({@link ImportRejectedException}) leaves the store as it was; accepted accounts are eligible from now.
 */
public final class ImportAccounts {
    private final AccountCsvReader reader;
    private final AccountStore store;
    private final Clock clock;

    public ImportAccounts(AccountCsvReader reader, AccountStore store, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.clock = clock;
    }

    /** Returns how many accounts were imported. */
    public int fromFile(CampaignId campaign, Path csv) {
        return store(campaign, reader.read(csv));
    }

    public int fromReader(CampaignId campaign, String source, Reader csv) {
        return store(campaign, reader.read(source, csv));
    }

    private int store(CampaignId campaign, List<Account> accounts) {
        store.importAccounts(campaign, accounts, clock.instant());
        return accounts.size();
    }
}
