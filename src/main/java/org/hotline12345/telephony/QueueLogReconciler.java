package org.hotline12345.telephony;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.telephony.QueueLogCall.Row;
import org.jboss.logging.Logger;

/**
 * No call forgotten: Asterisk writes its queue_log into the database itself (res_config_pgsql, table
 * asterisk_queue_log), whether or not the service is connected. After every (re)connect, and every minute, the
 * service reads the rows it has not read yet and completes from them the records of the calls they tell of: a call
 * handled while the service was down, restarting or cut off from the AMI gets its record (queue, caller, wait, agent,
 * talk, who ended it, abandoned, recording); what the service recorded itself is kept, only what it lacks is filled
 * in.
 */
@ApplicationScoped
public class QueueLogReconciler {

    private static final Logger LOG = Logger.getLogger(QueueLogReconciler.class);
    private static final int BATCH = 5000;

    @Inject
    DataSource dataSource;

    @Inject
    TelephonyConfig config;

    @Inject
    Clock clock;

    private ScheduledExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();

    @PostConstruct
    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Switchboard.daemon("queue-log"));
        if (config.enabled() && config.reconciliation().enabled()) {
            long every = config.reconciliation().every().toMillis();
            executor.scheduleWithFixedDelay(this::reconcileSoon, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Reconciles off the caller's thread; several asks before it runs make one run. */
    void reconcileSoon() {
        if (config.reconciliation().enabled() && queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                try {
                    reconcile();
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf("Could not reconcile the calls from Asterisk's queue_log: %s", e.getMessage());
                }
            });
        }
    }

    /**
     * Reads the queue_log rows after the last one read and completes the records of the calls they tell of.
     *
     * @return how many calls' records were written
     */
    public synchronized int reconcile() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long after = lastRead(connection);
                List<Row> fresh = rows(connection, "id > ? order by id limit " + BATCH, statement -> {
                    statement.setLong(1, after);
                });
                if (fresh.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                Set<String> callIds = new LinkedHashSet<>();
                fresh.forEach(row -> callIds.add(row.callId()));
                callIds.remove("NONE");
                callIds.remove("");
                Map<String, QueueLogCall> calls = QueueLogCall.summarise(allRowsOf(connection, callIds));
                int written = complete(connection, calls.values());
                markRead(connection, fresh.get(fresh.size() - 1).id());
                connection.commit();
                if (written > 0) {
                    LOG.infof("Completed %d call records from Asterisk's queue_log", written);
                }
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private long lastRead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("select last_row_id from queue_log_reconciled where id = 1");
                ResultSet result = statement.executeQuery()) {
            if (result.next()) {
                return result.getLong(1);
            }
        }
        // never read before: from the rows of the look-back on, not years of history
        try (PreparedStatement statement = connection
                .prepareStatement("select coalesce(max(id), 0) from asterisk_queue_log where time < ?")) {
            statement.setTimestamp(1, utc(clock.instant().minus(config.reconciliation().firstLookBack())));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void markRead(Connection connection, long lastRowId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into queue_log_reconciled"
                + " (id, last_row_id, at) values (1, ?, now()) on conflict (id) do update"
                + " set last_row_id = excluded.last_row_id, at = excluded.at")) {
            statement.setLong(1, lastRowId);
            statement.executeUpdate();
        }
    }

    private List<Row> allRowsOf(Connection connection, Set<String> callIds) throws SQLException {
        if (callIds.isEmpty()) {
            return List.of();
        }
        Array ids = connection.createArrayOf("varchar", callIds.toArray());
        return rows(connection, "callid = any(?) order by id", statement -> statement.setArray(1, ids));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * data1 … data5, or the same fields from {@code data} where Asterisk wrote that one column (its logger found no
     * database at start, V69): the row is the same either way.
     */
    private static final String FIELDS = IntStream.rangeClosed(1, 5)
            .mapToObj(n -> "case when data <> '' then split_part(data, '|', " + n + ") else data" + n + " end")
            .collect(Collectors.joining(", "));

    private static List<Row> rows(Connection connection, String where, Binder binder) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select id, time, callid, queuename, agent,"
                + " event, " + FIELDS + " from asterisk_queue_log where " + where)) {
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1),
                            result.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6),
                            List.of(nonNull(result.getString(7)), nonNull(result.getString(8)),
                                    nonNull(result.getString(9)), nonNull(result.getString(10)),
                                    nonNull(result.getString(11)))));
                }
            }
        }
        return rows;
    }

    /**
     * Writes what the queue_log knows into each call's record where the record lacks it. A recording counts only for
     * a call someone answered: before that MixMonitor's file holds no audio.
     *
     * @return how many records were created or changed
     */
    private static int complete(Connection connection, Iterable<QueueLogCall> calls) throws SQLException {
        int written = 0;
        try (PreparedStatement statement = connection.prepareStatement("insert into call_record (call_id, started_at,"
                + " direction, caller_number, queue, queued_at, answered_at, wait_seconds, talk_seconds,"
                + " agent_username, ended_by, abandoned, ended_at, recording_file)"
                + " values (?, ?, 'INBOUND', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (call_id) do update set"
                + " caller_number = coalesce(call_record.caller_number, excluded.caller_number),"
                + " queue = coalesce(call_record.queue, excluded.queue),"
                + " queued_at = coalesce(call_record.queued_at, excluded.queued_at),"
                + " answered_at = coalesce(call_record.answered_at, excluded.answered_at),"
                + " wait_seconds = coalesce(call_record.wait_seconds, excluded.wait_seconds),"
                + " talk_seconds = coalesce(call_record.talk_seconds, excluded.talk_seconds),"
                + " agent_username = coalesce(call_record.agent_username, excluded.agent_username),"
                + " ended_by = coalesce(call_record.ended_by, excluded.ended_by),"
                + " abandoned = call_record.abandoned or excluded.abandoned,"
                + " ended_at = coalesce(call_record.ended_at, excluded.ended_at),"
                + " recording_file = coalesce(call_record.recording_file, excluded.recording_file)"
                // a record the service kept whole while connected is left as it is: no new row version, no index
                // work, for each of the minute's calls (a burst on the database that delayed screen pops)
                + " where (call_record.caller_number is null and excluded.caller_number is not null)"
                + " or (call_record.queue is null and excluded.queue is not null)"
                + " or (call_record.queued_at is null and excluded.queued_at is not null)"
                + " or (call_record.answered_at is null and excluded.answered_at is not null)"
                + " or (call_record.wait_seconds is null and excluded.wait_seconds is not null)"
                + " or (call_record.talk_seconds is null and excluded.talk_seconds is not null)"
                + " or (call_record.agent_username is null and excluded.agent_username is not null)"
                + " or (call_record.ended_by is null and excluded.ended_by is not null)"
                + " or (not call_record.abandoned and excluded.abandoned)"
                + " or (call_record.ended_at is null and excluded.ended_at is not null)"
                + " or (call_record.recording_file is null and excluded.recording_file is not null)")) {
            for (QueueLogCall call : calls) {
                if (call.queuedAt() == null) {
                    // rows of a call that queued before the look-back: nothing to anchor a record on
                    continue;
                }
                int i = 1;
                statement.setString(i++, call.callId());
                statement.setTimestamp(i++, Timestamp.from(call.queuedAt()));
                statement.setString(i++, call.callerNumber());
                statement.setString(i++, call.queue());
                statement.setTimestamp(i++, Timestamp.from(call.queuedAt()));
                statement.setTimestamp(i++, call.answeredAt() == null ? null : Timestamp.from(call.answeredAt()));
                setInteger(statement, i++, call.waitSeconds());
                setInteger(statement, i++, call.talkSeconds());
                statement.setString(i++, call.agent());
                statement.setString(i++, call.endedBy());
                statement.setBoolean(i++, call.abandoned());
                statement.setTimestamp(i++, call.endedAt() == null ? null : Timestamp.from(call.endedAt()));
                statement.setString(i++, call.answeredAt() == null ? null : call.recording());
                statement.addBatch();
            }
            for (int count : statement.executeBatch()) {
                written += Math.max(count, 0);
            }
        }
        return written;
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** The queue_log's times are UTC without a zone (logger.conf: queue_log_realtime_use_gmt). */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
