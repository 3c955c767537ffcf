package io.duecall.adapter.quartz;

import io.duecall.app.LedgerRetention;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A shim: drops the ledger's months older than the retention, at the engine's own time. Runs never overlap. */
@DisallowConcurrentExecution
final class LedgerRetentionJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerRetentionJob.class);
    private final LedgerRetention retention;
    private final Clock clock;

    LedgerRetentionJob(LedgerRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            var dropped = retention.run(clock.instant());
            LOG.info("ledger retention dropped {} month(s) of lines: {}", dropped.size(), dropped);
        } catch (RuntimeException e) {
            // Tomorrow's run drops them as well; a database that is away must not unschedule the job.
            LOG.error("ledger retention failed: {}", e.getMessage(), e);
        }
    }
}
