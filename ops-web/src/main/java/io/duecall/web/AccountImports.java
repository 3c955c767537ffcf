package io.duecall.web;

import io.duecall.domain.campaign.CampaignId;
import java.io.Reader;
import java.util.List;

/** Imports an accounts CSV into a campaign's queue, all or nothing, as the command line does. */
public interface AccountImports {
    /**
     * Returns how many accounts were imported. {@code region} (ISO 3166 code, or null) reads national numbers.
     * A file that does not validate throws {@link ImportRejectedException} and stores nothing.
     */
    int importCsv(CampaignId campaign, String region, Reader csv);

    /** The file was refused; each problem names its line and column. Nothing was stored. */
    final class ImportRejectedException extends RuntimeException {
        private final List<String> problems;

        public ImportRejectedException(List<String> problems, Throwable cause) {
            super("import rejected; nothing was stored: " + String.join("; ", problems), cause);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
