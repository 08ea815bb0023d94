package org.hotline12345.deadline;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.hotline12345.calendar.CalendarProducer;
import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.notification.NotificationStore;
import org.hotline12345.support.Ports;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One supervision pass over a large number of open work orders. Not a test: run it with the command in
 * docs/performance.md.
 * <p>
 * It loads {@code bench.openWorkOrders} (default 1,000,000) dispatched work orders into a fresh embedded PostgreSQL:
 * reply deadlines spread evenly over the five days before and the seven after the pass, a tenth of them not yet
 * accepted with an accept deadline within a day of it, and the cards a pass run {@code bench.sinceLastPass} earlier
 * (default {@code PT1M}, the job's interval) would have left. Then it runs one pass and prints its time and the heap it
 * used.
 */
public final class SupervisionBenchmark {

    /** Wednesday 2026-11-25 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final int DEPARTMENTS = 50;

    public static void main(String[] args) throws Exception {
        int open = Integer.getInteger("bench.openWorkOrders", 1_000_000);
        Duration sinceLastPass = Duration.parse(System.getProperty("bench.sinceLastPass", "PT1M"));
        WorkingCalendar calendar = new WorkingCalendar(ZoneId.of("Asia/Shanghai"), CalendarProducer.bundledSchedule());
        CardPolicy policy = new CardPolicy(calendar, TimeLimit.parse("1wd"), 0.25, 3);
        Path data = Files.createTempDirectory("hotline-supervision-bench");
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(data.resolve("pg"), Ports.free())) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            long loadStart = System.nanoTime();
            load(dataSource, open, policy, NOW.minus(sinceLastPass));
            System.out.printf(Locale.ROOT, "loaded %,d open work orders in %.0f s%n", open,
                    (System.nanoTime() - loadStart) / 1e9);

            DeadlineSupervisor supervisor = new DeadlineSupervisor(dataSource, policy, new NotificationStore(),
                    calendar, 500);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            DeadlineSupervisor.PassResult result = supervisor.pass(NOW);
            sampler.interrupt();
            sampler.join();
            System.out.printf(Locale.ROOT, "supervision pass over %,d open work orders, last pass %s earlier%n", open,
                    sinceLastPass);
            System.out.printf(Locale.ROOT, "  pass time       %8d ms (%d work orders due, %d batches)%n",
                    result.elapsed().toMillis(), result.examined(), result.batches());
            System.out.printf(Locale.ROOT, "  cards raised    yellow %d, red %d, escalated %d%n",
                    result.raised(CardLevel.YELLOW), result.raised(CardLevel.RED), result.raised(CardLevel.ESCALATED));
            System.out.printf(Locale.ROOT,
                    "  heap            %.1f MB before, %.1f MB peak during the pass (max heap %.0f MB)%n",
                    before / 1e6, peak.get() / 1e6, memory.getHeapMemoryUsage().getMax() / 1e6);
        }
    }

    /** Writes the work orders and their watch rows with COPY, cards as a pass at {@code lastPass} left them. */
    private static void load(PGSimpleDataSource dataSource, int open, CardPolicy policy, Instant lastPass)
            throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into category (id, code, name, level) values (1, '01', '城乡建设', 1)");
            statement.execute("insert into department (id, code, name, kind, created_at) select i, 'D' || i,"
                    + " '部门' || i, 'CITY_DEPARTMENT', now() from generate_series(1, " + DEPARTMENTS + ") i");
            statement.execute("insert into app_user (id, username, password_hash, display_name, role, created_at)"
                    + " values (1, 'supervisor', 'x', '班长', 'SUPERVISOR', now())");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Random random = new Random(42);
            DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
            int chunk = 50_000;
            for (int from = 1; from <= open; from += chunk) {
                StringBuilder orders = new StringBuilder();
                StringBuilder watches = new StringBuilder();
                for (int id = from; id < Math.min(from + chunk, open + 1); id++) {
                    long department = 1 + random.nextInt(DEPARTMENTS);
                    Instant reply = NOW.minus(Duration.ofDays(5)).plusSeconds(random.nextInt(12 * 24 * 3600));
                    boolean accepted = random.nextInt(10) > 0;
                    Instant accept = accepted
                            ? null
                            : NOW.minus(Duration.ofDays(1)).plusSeconds(random.nextInt(2 * 24 * 3600));
                    CardLevel replyCard = policy.levelAt(policy.thresholds(TimeLimit.parse("5wd"), reply), lastPass);
                    CardLevel acceptCard = accepted
                            ? CardLevel.NONE
                            : policy.levelAt(policy.thresholds(TimeLimit.parse("1wd"), accept), lastPass);
                    Instant checkAt = earliest(
                            policy.nextCheck(policy.thresholds(TimeLimit.parse("5wd"), reply), replyCard),
                            accepted
                                    ? null
                                    : policy.nextCheck(policy.thresholds(TimeLimit.parse("1wd"), accept), acceptCard));
                    orders.append(id).append("\t0\t").append(String.format("20261101-%07d", id))
                            .append("\tPHONE\tCOMPLAINT\t市民")
                            .append(id).append("\t13800000000\tOTHER\tf\t诉求 ").append(id).append("\t内容\t1\tNORMAL\tf\t")
                            .append(accepted ? "ACCEPTED" : "DISPATCHED").append('\t').append(department).append('\t')
                            .append(iso.format(NOW.minus(Duration.ofDays(8)))).append("\tagent\t")
                            .append(accepted ? "\\N" : "1wd").append('\t')
                            .append(accepted ? "\\N" : iso.format(accept)).append("\t5wd\t").append(iso.format(reply))
                            .append('\n');
                    watches.append(id).append('\t').append(department).append('\t')
                            .append(checkAt == null ? "\\N" : iso.format(checkAt)).append('\t')
                            .append(accepted ? "\\N" : "1wd").append('\t')
                            .append(accepted ? "\\N" : iso.format(accept)).append('\t').append(acceptCard).append('\t')
                            .append("5wd\t").append(iso.format(reply)).append('\t').append(replyCard).append('\n');
                }
                copy.copyIn("copy work_order (id, version, number, channel, request_type, citizen_name, citizen_phone,"
                        + " citizen_occupation, citizen_confidential, title, content, category_id, urgency, simple,"
                        + " status, lead_department_id, registered_at, registered_by, accept_limit, accept_deadline,"
                        + " reply_limit, reply_deadline) from stdin", new StringReader(orders.toString()));
                copy.copyIn("copy deadline_watch (work_order_id, department_id, check_at, accept_limit,"
                        + " accept_deadline, accept_card, reply_limit, reply_deadline, reply_card) from stdin",
                        new StringReader(watches.toString()));
            }
            statement.execute("analyze");
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private SupervisionBenchmark() {
    }
}
