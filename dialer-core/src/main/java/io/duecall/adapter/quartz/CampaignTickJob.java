package io.duecall.adapter.quartz;

import io.duecall.app.DialCycle;
import io.duecall.domain.campaign.CampaignId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A shim: one dial cycle of the campaign named in the job data. Cycles of one campaign never overlap. */
@DisallowConcurrentExecution
final class CampaignTickJob implements Job {
    static final String CAMPAIGN = "campaign";
    private static final Logger LOG = LoggerFactory.getLogger(CampaignTickJob.class);
    private final DialCycle engine;

    CampaignTickJob(DialCycle engine) {
        this.engine = engine;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            engine.tick(new CampaignId(context.getMergedJobDataMap().getString(CAMPAIGN)));
        } catch (RuntimeException e) {
            // The next tick tries again; a failing store or PBX must not unschedule the campaign.
            LOG.error("dial cycle failed: {}", e.getMessage(), e);
        }
    }
}
