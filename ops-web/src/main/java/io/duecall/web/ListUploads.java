package io.duecall.web;

import io.duecall.app.ImportAccounts;
import io.duecall.app.ListDoNotCall;
import io.duecall.port.SuppressionStore;
import java.io.StringReader;
import java.time.Clock;

/**
 * What the lists page uploads, through the command line's readers and all-or-nothing stores: an accounts CSV into
 * a campaign, and a do-not-call list. A rejected file throws {@link AccountImports.ImportRejectedException}.
 */
public final class ListUploads {
    private final OpsService service;
    private final AccountImports imports;
    private final Clock clock;

    public ListUploads(OpsService service, AccountImports imports, Clock clock) {
        this.service = service;
        this.imports = imports;
        this.clock = clock;
    }

    public ImportAccounts.Summary accounts(String campaignId, String region, String csv) {
        return imports.importCsv(service.campaign(campaignId).id(), region, new StringReader(csv));
    }

    /** The whole file is read and checked first, so a rejected file or a bad reason lists nothing. */
    public ListDoNotCall.Result doNotCall(String reason, String region, String csv) {
        var checked = SuppressionStore.checkReason(reason);
        return imports.doNotCall(checked, region, new StringReader(csv), "upload:" + clock.instant());
    }
}
