package org.hotline12345.telephony;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.telephony.CallUpdate.Column;
import org.hotline12345.workorder.WorkOrderReads;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Writes what the switchboard learns: call records, links between calls and work orders, and agents' state changes.
 * Writes are queued and done in batches by one thread, so that a burst of events costs a few statements and never
 * waits for the database; when the database is away the batch is kept and retried.
 */
@ApplicationScoped
public class CallStore {

    private static final Logger LOG = Logger.getLogger(CallStore.class);
    private static final int BATCH = 1000;
    /** Beyond this many waiting writes the database has been away too long; the oldest are dropped, loudly. */
    private static final int CAPACITY = 200_000;

    private record Flush(CountDownLatch done) {
    }

    @Inject
    DataSource dataSource;

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread writer;

    @PostConstruct
    void start() {
        writer = new Thread(this::drain, "telephony-store");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes what is buffered before the database goes (a bean's own destruction comes after it). */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        flush(5);
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(5));
    }

    void write(CallUpdate update) {
        offer(update);
    }

    void write(AgentStatus status) {
        offer(status);
    }

    /** Waits until everything queued before this call is written; for tests and benchmarks. */
    public boolean flush(long seconds) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        queue.add(new Flush(done));
        return done.await(seconds, TimeUnit.SECONDS);
    }

    int waiting() {
        return queue.size();
    }

    private void offer(Object item) {
        if (queue.size() >= CAPACITY) {
            Object dropped = queue.poll();
            LOG.errorf("Telephony records pile up unwritten (is the database down?); dropped %s", dropped);
        }
        queue.add(item);
    }

    private void drain() {
        List<Object> batch = new ArrayList<>(BATCH);
        long backoff = 200;
        while (running) {
            try {
                if (batch.isEmpty()) {
                    batch.add(queue.take());
                    queue.drainTo(batch, BATCH - 1);
                }
                writeBatch(batch);
                batch.clear();
                backoff = 200;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Telephony records could not be written, retrying in %d ms: %s", backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private void writeBatch(List<Object> batch) throws SQLException {
        Map<String, CallUpdate> calls = new LinkedHashMap<>();
        List<AgentStatus> states = new ArrayList<>();
        List<Flush> flushes = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof CallUpdate update) {
                calls.merge(update.callId(), update, CallUpdate::merge);
            } else if (item instanceof AgentStatus status) {
                states.add(status);
            } else if (item instanceof Flush flush) {
                flushes.add(flush);
            }
        }
        if (!calls.isEmpty() || !states.isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    upsertCalls(connection, calls.values());
                    insertStates(connection, states);
                    insertLinks(connection, calls.values());
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        }
        flushes.forEach(flush -> flush.done().countDown());
    }

    private static void upsertCalls(Connection connection, Iterable<CallUpdate> updates) throws SQLException {
        Map<Set<Column>, List<CallUpdate>> byShape = new LinkedHashMap<>();
        for (CallUpdate update : updates) {
            Set<Column> shape = update.values().isEmpty()
                    ? EnumSet.noneOf(Column.class)
                    : EnumSet.copyOf(update.values().keySet());
            byShape.computeIfAbsent(shape, s -> new ArrayList<>()).add(update);
        }
        for (Map.Entry<Set<Column>, List<CallUpdate>> group : byShape.entrySet()) {
            List<Column> columns = new ArrayList<>(group.getKey());
            columns.remove(Column.DIRECTION);
            try (PreparedStatement statement = connection.prepareStatement(upsert(columns))) {
                for (CallUpdate update : group.getValue()) {
                    int i = 1;
                    statement.setString(i++, update.callId());
                    statement.setTimestamp(i++, Timestamp.from(update.at()));
                    Object direction = update.values().get(Column.DIRECTION);
                    statement.setString(i++, direction == null ? CallDirection.INBOUND.name() : (String) direction);
                    for (Column column : columns) {
                        bind(statement, i++, update.values().get(column));
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    /** Inserts the call or sets the given columns on it; the first time seen and the direction stay as first known. */
    private static String upsert(List<Column> columns) {
        String names = columns.stream().map(c -> ", " + c.sql).collect(Collectors.joining());
        String values = columns.stream().map(c -> ", ?").collect(Collectors.joining());
        String sets = columns.stream().map(c -> c.sql + " = excluded." + c.sql).collect(Collectors.joining(", "));
        return "insert into call_record (call_id, started_at, direction" + names + ") values (?, ?, ?" + values + ")"
                + " on conflict (call_id) do update set "
                + (sets.isEmpty()
                        ? "started_at = least(call_record.started_at, excluded.started_at)"
                        : sets + ", started_at = least(call_record.started_at, excluded.started_at)");
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Number number) {
            statement.setInt(index, number.intValue());
        } else if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value.toString());
        }
    }

    private static void insertStates(Connection connection, List<AgentStatus> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("insert into agent_state_log"
                + " (username, device, state, pause_reason, call_id, at) values (?, ?, ?, ?, ?, ?)")) {
            for (AgentStatus status : states) {
                statement.setString(1, status.username());
                statement.setString(2, status.device());
                statement.setString(3, status.state().name());
                statement.setString(4, status.pauseReason());
                statement.setString(5, status.callId());
                statement.setTimestamp(6, Timestamp.from(status.since()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertLinks(Connection connection, Iterable<CallUpdate> updates) throws SQLException {
        List<String> numbers = new ArrayList<>();
        updates.forEach(update -> update.links().forEach(link -> numbers.add(link.workOrderNumber())));
        if (numbers.isEmpty()) {
            return;
        }
        Map<String, Long> ids = WorkOrderReads.idsByNumber(connection, numbers);
        try (PreparedStatement statement = connection.prepareStatement("insert into call_work_order"
                + " (call_id, work_order_id, linked_at, linked_by) values (?, ?, ?, ?) on conflict do nothing")) {
            boolean any = false;
            for (CallUpdate update : updates) {
                for (CallUpdate.Link link : update.links()) {
                    Long id = ids.get(link.workOrderNumber());
                    if (id == null) {
                        // a number that names no work order links nothing
                        continue;
                    }
                    statement.setString(1, update.callId());
                    statement.setLong(2, id);
                    statement.setTimestamp(3, Timestamp.from(update.at()));
                    statement.setString(4, link.linkedBy());
                    statement.addBatch();
                    any = true;
                }
            }
            if (any) {
                statement.executeBatch();
            }
        }
    }
}
