package io.duecall.web;

import io.duecall.app.ImportAccounts;
import io.duecall.app.ListDoNotCall;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.port.ImportError;
import java.io.Reader;
import java.util.List;

/** Imports an accounts CSV into a campaign's queue, or a do-not-call list, all or nothing, as the command line does. */
public interface AccountImports {
    /**
     * What was imported, with the numbers that can never be dialed. {@code region} (ISO 3166 code, or null) reads
     * national numbers. A file that does not validate throws {@link ImportRejectedException} and stores nothing.
     */
    ImportAccounts.Summary importCsv(CampaignId campaign, String region, Reader csv);

    /**
     * Lists every number of a CSV with a {@code number} column as do-not-call for {@code reason}, noting
     * {@code source}; a file that does not validate throws {@link ImportRejectedException} and lists nothing.
     */
    ListDoNotCall.Result doNotCall(String reason, String region, Reader csv, String source);

    /** The file was refused; each problem names its line and column. Nothing was stored. */
    final class ImportRejectedException extends RuntimeException {
        private final List<ImportError> errors;
        private final int count;

        public ImportRejectedException(List<ImportError> errors, int count, Throwable cause) {
            super("import rejected; nothing was stored: " + String.join("; ", errors.stream().map(Object::toString)
                    .toList()), cause);
            this.errors = List.copyOf(errors);
            this.count = count;
        }

        /** Every problem as one line: {@code line 3, phones: ...}. */
        public List<String> problems() {
            return errors.stream().map(Object::toString).toList();
        }

        /** The problems kept in detail (the first thousand). */
        public List<ImportError> errors() {
            return errors;
        }

        /** How many problems were found in all. */
        public int count() {
            return count;
        }
    }
}
