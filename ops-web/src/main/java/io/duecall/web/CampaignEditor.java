package io.duecall.web;

import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import java.util.List;
import java.util.Optional;

/**
 * Creates, replaces and deletes campaigns while the engine runs, from a definition in JSON or YAML with the keys of
 * the configuration file's {@code campaigns[]} entries. Syntax errors are {@link ApiException}s (400); definitions
 * that read but do not validate are {@link CampaignRejectedException}s; a taken id, a campaign from the
 * configuration file or one with calls in flight is an {@link IllegalStateException} (409).
 */
public interface CampaignEditor {
    Campaign create(String definition, String contentType);

    Campaign replace(CampaignId id, String definition, String contentType);

    /** Removes the campaign; its dial cycle has been stopped already. */
    void delete(CampaignId id);

    /** Every key a definition may have, with its type and default, in the order the file documents them. */
    List<CampaignField> schema();

    /**
     * The campaign's definition as JSON text: the one stored for a campaign created through the API, the
     * configuration file's entry for one of the file's; empty for an unknown id or a campaign built in code.
     */
    Optional<String> definition(CampaignId id);

    /** True for a campaign of the configuration file, which the API shows but does not change. */
    boolean fromConfigurationFile(CampaignId id);

    /** For servers whose campaigns all come from the configuration file. */
    CampaignEditor UNSUPPORTED = new CampaignEditor() {
        @Override
        public Campaign create(String definition, String contentType) {
            throw unsupported();
        }

        @Override
        public Campaign replace(CampaignId id, String definition, String contentType) {
            throw unsupported();
        }

        @Override
        public void delete(CampaignId id) {
            throw unsupported();
        }

        @Override
        public List<CampaignField> schema() {
            return List.of();
        }

        @Override
        public Optional<String> definition(CampaignId id) {
            return Optional.empty();
        }

        @Override
        public boolean fromConfigurationFile(CampaignId id) {
            return true;
        }

        private static ApiException unsupported() {
            return new ApiException(501, "this server takes its campaigns from the configuration file only: edit it "
                    + "and restart the engine");
        }
    };

    /** A definition that reads but breaks the rules; nothing was stored. Lists every problem, each naming its key. */
    final class CampaignRejectedException extends RuntimeException {
        private final List<String> problems;

        public CampaignRejectedException(List<String> problems) {
            super("campaign rejected; nothing was stored: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
