package org.hotline12345.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.notification.NotificationStore;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Cards are raised once whatever runs the passes: two instances at once, a pass cut off mid-way, a re-run. */
@QuarkusTest
class SupervisionExactlyOnceTest extends DatabaseTest {

    @Inject
    DataSource dataSource;

    @Inject
    CardPolicy policy;

    @Inject
    WorkingCalendar calendar;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private DeadlineSupervisor instance(DataSource source, int batchSize) {
        return new DeadlineSupervisor(source, policy, new NotificationStore(), calendar, batchSize);
    }

    /** Work orders dispatched on Wednesday 07-01 10:00, never accepted: both clocks run. */
    private List<String> dispatched(int count) {
        clock.set(Shanghai.at("2026-07-01T10:00"));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(Api.registerDispatched("HOUSING"));
        }
        clock.reset();
        return numbers;
    }

    @Test
    void twoInstancesAtOnceRaiseEachCardOnce() throws Exception {
        List<String> numbers = dispatched(40);
        // 07-08 12:00: the accept clock (07-02 10:00) is escalated, the reply clock (07-08 10:00) is red
        Instant now = Shanghai.at("2026-07-08T12:00");
        DeadlineSupervisor one = instance(dataSource, 3);
        DeadlineSupervisor two = instance(dataSource, 3);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DeadlineSupervisor.PassResult> first = pool.submit(() -> {
                start.await();
                return one.pass(now);
            });
            Future<DeadlineSupervisor.PassResult> second = pool.submit(() -> {
                start.await();
                return two.pass(now);
            });
            first.get();
            second.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(cardsPerClock(numbers)).containsOnly(Map.entry("ACCEPT ESCALATED", 40), Map.entry("REPLY RED", 40));
        assertThat(duplicateCards(numbers)).isZero();
        assertThat(supervisionEvents(numbers)).isEqualTo(80);
        assertThat(instance(dataSource, 500).pass(now).raised()).as("a re-run raises nothing").isEmpty();
        assertThat(supervisionEvents(numbers)).isEqualTo(80);
    }

    @Test
    void aPassCutOffMidWayLosesNoCardAndDoublesNone() throws Exception {
        List<String> numbers = dispatched(25);
        Instant now = Shanghai.at("2026-07-02T11:00");
        DeadlineSupervisor crashing = instance(failingOnSecondCommit(dataSource), 4);
        Map<CardLevel, Integer> raised = new EnumMap<>(CardLevel.class);
        crashing.batch(now, raised);
        assertThatThrownBy(() -> crashing.batch(now, raised)).isInstanceOf(SQLException.class);
        // the service restarts and the next scheduled pass runs
        instance(dataSource, 4).pass(now);
        assertThat(cardsPerClock(numbers)).containsOnly(Map.entry("ACCEPT RED", 25));
        assertThat(duplicateCards(numbers)).isZero();
        assertThat(supervisionEvents(numbers)).isEqualTo(25);
    }

    /** A data source whose connections fail their second commit, as a process killed at that moment would. */
    private static DataSource failingOnSecondCommit(DataSource delegate) {
        AtomicBoolean committedOnce = new AtomicBoolean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(delegate, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("commit") && committedOnce.getAndSet(true)) {
                                    throw new SQLException("connection lost before commit");
                                }
                                return m.invoke(connection, a);
                            });
                });
    }

    private Map<String, Integer> cardsPerClock(List<String> numbers) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        query("""
                select c.clock || ' ' || c.level, count(*) from deadline_card c join work_order o on o.id = c.work_order_id
                where o.number = any(?) group by 1""",
                numbers, row -> counts.put(row.getString(1), row.getInt(2)));
        return counts;
    }

    private int duplicateCards(List<String> numbers) throws SQLException {
        int[] duplicates = {0};
        query("""
                select count(*) from (select c.work_order_id from deadline_card c join work_order o on o.id = c.work_order_id
                where o.number = any(?) group by c.work_order_id, c.clock, c.level, c.deadline having count(*) > 1) d""",
                numbers, row -> duplicates[0] = row.getInt(1));
        return duplicates[0];
    }

    private int supervisionEvents(List<String> numbers) throws SQLException {
        int[] events = {0};
        query("""
                select count(*) from work_order_event e join work_order o on o.id = e.work_order_id
                where o.number = any(?) and e.type in ('YELLOW_CARD', 'RED_CARD', 'ESCALATED')""", numbers,
                row -> events[0] = row.getInt(1));
        return events[0];
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<String> numbers, RowHandler handler) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("varchar", numbers.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }
}
