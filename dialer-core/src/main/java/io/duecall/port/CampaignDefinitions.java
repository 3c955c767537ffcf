package io.duecall.port;

import io.duecall.domain.campaign.CampaignId;
import java.util.Map;

/**
 * Campaign definitions created at run time, kept durably so that every engine loads them at start-up. A definition
 * is the campaign's settings as JSON text; reading and validating it is the caller's, exactly as for the file.
 */
public interface CampaignDefinitions {
    /** Stores the definition under a new id; false, changing nothing, if the id is taken. */
    boolean create(CampaignId id, String definition);

    /** Replaces a stored definition; false, changing nothing, if none is stored under the id. */
    boolean replace(CampaignId id, String definition);

    /** Deletes the definition; false if none was stored. */
    boolean delete(CampaignId id);

    /** Every stored definition by campaign id. */
    Map<CampaignId, String> all();
}
