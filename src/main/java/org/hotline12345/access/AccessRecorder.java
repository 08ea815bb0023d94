package org.hotline12345.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.common.ServiceUnavailableException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Writes the access record in batches on a thread of its own, so that showing a work order costs its request only an
 * entry in a bounded buffer. A batch that cannot be written is kept and tried again; on shutdown the buffer is
 * written out before the database goes. A read enters the buffer or its request fails: a citizen's details are never
 * shown unrecorded.
 */
@ApplicationScoped
public class AccessRecorder {

    private static final Logger LOG = Logger.getLogger(AccessRecorder.class);
    private static final String INSERT = "insert into personal_data_read"
            + " (read_at, username, role, work_order_number, masked, channel, endpoint) values (?, ?, ?, ?, ?, ?, ?)";
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(30);
    /** How long shutdown keeps trying to write what is left. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    @Inject
    AccessRecordConfig config;

    private BlockingQueue<PersonalDataRead> buffer;
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private Thread writer;
    private volatile boolean running;
    private volatile long stopBy;

    void start(@Observes StartupEvent event) {
        buffer = new ArrayBlockingQueue<>(config.buffer());
        running = true;
        writer = new Thread(this::writeUntilStopped, "access-record-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Observed before the datasource closes: what is still buffered is written now. */
    void stop(@Observes ShutdownEvent event) {
        if (writer == null) {
            return;
        }
        stopBy = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        running = false;
        writer.interrupt();
        try {
            writer.join(SHUTDOWN_GRACE.plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long unwritten = added.get() - written.get();
        if (unwritten > 0) {
            LOG.errorf("%d reads of citizen details could not be written to the access record before shutdown",
                    unwritten);
        }
    }

    void add(PersonalDataRead read) {
        try {
            if (!buffer.offer(read, config.bufferWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceUnavailableException(
                        "The access record cannot take more reads now; citizen details are not shown unrecorded",
                        null);
            }
            added.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while recording a read of citizen details", e);
        }
    }

    /** Waits until every read added before the call is written. */
    void flush() {
        long target = added.get();
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while (written.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the access record was not written within " + SHUTDOWN_GRACE);
            }
            pause(Duration.ofMillis(5));
        }
    }

    private void writeUntilStopped() {
        List<PersonalDataRead> batch = new ArrayList<>(config.batchSize());
        Duration retryPause = FIRST_RETRY_PAUSE;
        while (true) {
            if (batch.isEmpty()) {
                PersonalDataRead first;
                try {
                    first = running
                            ? buffer.poll(config.flushEvery().toMillis(), TimeUnit.MILLISECONDS)
                            : buffer.poll();
                } catch (InterruptedException wokenForShutdown) {
                    continue;
                }
                if (first == null) {
                    if (running) {
                        continue;
                    }
                    return;
                }
                batch.add(first);
                buffer.drainTo(batch, config.batchSize() - 1);
            }
            try {
                write(batch);
                written.addAndGet(batch.size());
                batch.clear();
                retryPause = FIRST_RETRY_PAUSE;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf(e, "%d reads of citizen details not written yet; trying again in %s", batch.size(),
                        retryPause);
                if (!running && System.nanoTime() > stopBy) {
                    return;
                }
                pause(running ? retryPause : FIRST_RETRY_PAUSE);
                retryPause = retryPause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0
                        ? LONGEST_RETRY_PAUSE
                        : retryPause.multipliedBy(2);
            }
        }
    }

    /**
     * Writes the batch in one transaction. Should the database refuse one of its reads as data (which the checks on
     * the way in should make impossible), the reads are written one by one and only the refused ones are left out,
     * logged in full, so that one bad read cannot block the record.
     */
    private void write(List<PersonalDataRead> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, batch);
            } catch (SQLException e) {
                connection.rollback();
                if (!isRefusedData(e)) {
                    throw e;
                }
                for (PersonalDataRead read : batch) {
                    try {
                        insert(connection, List.of(read));
                    } catch (SQLException refused) {
                        connection.rollback();
                        if (!isRefusedData(refused)) {
                            throw refused;
                        }
                        LOG.errorf(refused, "The access record refused a read, which is left out: %s", read);
                    }
                }
            }
        }
    }

    private static void insert(Connection connection, List<PersonalDataRead> reads) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (PersonalDataRead read : reads) {
                insert.setTimestamp(1, Timestamp.from(read.at()));
                insert.setString(2, read.username());
                insert.setString(3, read.role());
                insert.setString(4, read.workOrderNumber());
                insert.setBoolean(5, read.masked());
                insert.setString(6, read.channel().name());
                insert.setString(7, read.endpoint());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** PostgreSQL's classes 22 (data exception) and 23 (integrity constraint violation): the read, not the database. */
    private static boolean isRefusedData(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps; an interruption (the shutdown waking the writer) only ends the pause. */
    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // the caller looks at the state it waits for again
        }
    }
}
