package org.hotline12345.deadline;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled side of deadline supervision. Both jobs are Quartz jobs in the shared JDBC job store, so in a cluster
 * each run happens on one instance.
 */
@ApplicationScoped
public class SupervisionJobs {

    private static final Logger LOG = Logger.getLogger(SupervisionJobs.class);

    @Inject
    DeadlineSupervisor supervisor;

    @Inject
    DigestService digests;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Scheduled(identity = "deadline-supervision", every = "${hotline.supervision.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void supervise() throws SQLException {
        DeadlineSupervisor.PassResult result = supervisor.pass(clock.instant());
        if (!result.raised().isEmpty()) {
            LOG.infof("Supervision pass raised %s over %d work orders in %d ms", result.raised(), result.examined(),
                    result.elapsed().toMillis());
        }
    }

    @Scheduled(identity = "deadline-digest", cron = "${hotline.supervision.digest-cron}", timeZone = "${hotline.calendar.zone}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void digest() {
        if (calendar.isWorkingDay(LocalDate.ofInstant(clock.instant(), calendar.zone()))) {
            digests.sendDaily();
        }
    }
}
