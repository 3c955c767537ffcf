package io.duecall.adapter.quartz;

import io.duecall.app.PromiseFollowUp;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A shim: one sweep of the promises whose pay-by date is over, at the engine's own time. Sweeps never overlap. */
@DisallowConcurrentExecution
final class PromiseSweepJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(PromiseSweepJob.class);
    private final PromiseFollowUp followUp;
    private final Clock clock;

    PromiseSweepJob(PromiseFollowUp followUp, Clock clock) {
        this.followUp = followUp;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            var sweep = followUp.sweep(clock.instant());
            LOG.info("promise sweep settled {} promise(s), skipped {}", sweep.settled().size(), sweep.skipped().size());
        } catch (RuntimeException e) {
            // Tomorrow's sweep settles today's promises too; a failing store must not unschedule the job.
            LOG.error("promise sweep failed: {}", e.getMessage(), e);
        }
    }
}
