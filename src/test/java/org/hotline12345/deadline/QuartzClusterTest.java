package org.hotline12345.deadline;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two Quartz scheduler instances on the job store the service's migrations create, clustered as the service
 * configures Quartz: every firing of a trigger runs on exactly one of them.
 */
@QuarkusTest
class QuartzClusterTest extends DatabaseTest {

    private static final int FIRINGS = 20;

    /** Records each firing with its scheduled time and the instance that ran it. */
    @DisallowConcurrentExecution
    public static class ProbeJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try (Connection connection = DriverManager.getConnection(url());
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into quartz_cluster_probe (scheduled_at, instance) values (?, ?)")) {
                insert.setLong(1, context.getScheduledFireTime().getTime());
                insert.setString(2, context.getScheduler().getSchedulerInstanceId());
                insert.executeUpdate();
            } catch (Exception e) {
                throw new JobExecutionException(e);
            }
        }
    }

    /** Plain JDBC connections for Quartz, outside the service's pool. */
    public static class DriverManagerProvider implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url());
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }

    static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class) + "&user=postgres";
    }

    private static Scheduler scheduler(String instanceId) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "cluster-probe");
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", "probe");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.setProperty("org.quartz.dataSource.probe.connectionProvider.class",
                DriverManagerProvider.class.getName());
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz hands out one scheduler per name and JVM; forget it so the next call builds a second instance
        SchedulerRepository.getInstance().remove("cluster-probe");
        return scheduler;
    }

    @Test
    void eachFiringRunsOnOneInstance() throws Exception {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists quartz_cluster_probe (scheduled_at bigint, instance text)");
            statement.execute("truncate quartz_cluster_probe");
        }
        Scheduler one = scheduler("one");
        Scheduler two = scheduler("two");
        try {
            JobDetail job = JobBuilder.newJob(ProbeJob.class).withIdentity("probe").storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("probe").forJob(job).startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(150)
                            .withRepeatCount(FIRINGS - 1))
                    .build();
            if (!one.checkExists(JobKey.jobKey("probe"))) {
                one.scheduleJob(job, trigger);
            }
            one.start();
            two.start();
            await("the probe fired " + FIRINGS + " times").atMost(ofSeconds(30))
                    .until(() -> count("select count(*) from quartz_cluster_probe") >= FIRINGS);
            assertThat(count("select count(*) from qrtz_scheduler_state where sched_name = 'cluster-probe'"))
                    .as("two instances checked in to the one cluster").isEqualTo(2);
        } finally {
            one.deleteJob(JobKey.jobKey("probe"));
            one.shutdown(true);
            two.shutdown(true);
        }
        assertThat(count("select count(*) from quartz_cluster_probe")).isEqualTo(FIRINGS);
        assertThat(count("select count(distinct scheduled_at) from quartz_cluster_probe")).isEqualTo(FIRINGS);

    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
