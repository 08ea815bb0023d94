package org.hotline12345.telephony.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ServiceUnavailableException;
import org.hotline12345.telephony.AgentState;
import org.hotline12345.telephony.TelephonyConfig;
import org.hotline12345.telephony.callback.MissedCalls;
import org.hotline12345.telephony.report.CallCentreCalculator.CallRow;
import org.hotline12345.telephony.report.CallCentreCalculator.Settings;
import org.hotline12345.telephony.report.CallCentreCalculator.StateRow;
import org.hotline12345.workorder.ServiceRating;

/**
 * 话务报表 for a period of the city's days: reads the period's queue calls and agent states (and the state each agent
 * was in as it began) and the missed calls' callbacks, and feeds them to {@link CallCentreCalculator}. Rows are
 * streamed, not held.
 */
@ApplicationScoped
public class CallCentreReports {

    /** The intervals a report is cut into. */
    public static final Set<Integer> INTERVALS = Set.of(15, 30, 60);
    /** Most intervals one report has: a week of quarter hours, a month of hours. */
    static final int MAX_INTERVALS = 31 * 24;
    /** How far before the period the state each agent was in is looked for. */
    private static final Duration STATE_LOOK_BACK = Duration.ofDays(2);
    private static final int FETCH = 2000;

    private static final String STATES = """
            select username, state, pause_reason, call_id, at, id from (
              select distinct on (username) username, state, pause_reason, call_id, at, id from agent_state_log
              where username is not null and at < ? and at >= ? order by username, at desc, id desc) before_start
            union all
            select username, state, pause_reason, call_id, at, id from agent_state_log
            where username is not null and at >= ? and at < ?
            order by 1, 5, 6
            """;
    private static final String CALLS = """
            select call_id, queue, queued_at, answered_at, ended_at, abandoned, wait_seconds, talk_seconds,
                   agent_username, service_rating
            from call_record where queued_at >= ? and queued_at < ? and direction = 'INBOUND'
            """;

    @Inject
    DataSource dataSource;

    @Inject
    TelephonyConfig telephony;

    @Inject
    ReportConfig config;

    @Inject
    MissedCalls missedCalls;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /**
     * @param intervalMinutes 15, 30 or 60
     * @throws InvalidFieldException for a period that ends before it starts or has more than 744 intervals
     */
    public CallCentreReport report(LocalDate from, LocalDate to, int intervalMinutes) {
        if (!INTERVALS.contains(intervalMinutes)) {
            throw InvalidFieldException.unacceptable("interval", "oneOf", "时段粒度只能是 15、30 或 60 分钟");
        }
        if (to.isBefore(from)) {
            throw InvalidFieldException.unacceptable("to", "afterFrom", "结束日期早于开始日期");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days * 24 * 60 / intervalMinutes > MAX_INTERVALS) {
            throw InvalidFieldException.unacceptable("to", "maxPeriod", "时段过多：按 " + intervalMinutes + " 分钟最多查询 "
                    + MAX_INTERVALS * intervalMinutes / (24 * 60) + " 天，请缩短期间或加大时段粒度");
        }
        ZoneId zone = calendar.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        CallCentreCalculator calculator = new CallCentreCalculator(new Settings(start, end, zone, intervalMinutes,
                telephony.answerTarget(), config.shortAbandon(), clock.instant()), missedCalls.timeliness());
        try (Connection connection = dataSource.getConnection()) {
            // the driver streams a result set only inside a transaction
            connection.setAutoCommit(false);
            try {
                readStates(connection, start, end, calculator);
                readCalls(connection, start, end, calculator);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException("The call records could not be read", e);
        }
        missedCalls.callable(start, end).forEach(calculator::missedCall);
        missedCalls.attempts(start, end).forEach(calculator::attempt);
        return new CallCentreReport(from, to, intervalMinutes, telephony.answerTarget().toSeconds(),
                telephony.answerTargetShare(), config.shortAbandon().toSeconds(),
                missedCalls.timeliness().target().toMinutes(), calculator.result());
    }

    private static void readStates(Connection connection, Instant start, Instant end, CallCentreCalculator calculator)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STATES)) {
            statement.setFetchSize(FETCH);
            statement.setTimestamp(1, Timestamp.from(start));
            statement.setTimestamp(2, Timestamp.from(start.minus(STATE_LOOK_BACK)));
            statement.setTimestamp(3, Timestamp.from(start));
            statement.setTimestamp(4, Timestamp.from(end));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    calculator.state(new StateRow(rows.getString(1), AgentState.valueOf(rows.getString(2)),
                            rows.getString(3), rows.getString(4), rows.getTimestamp(5).toInstant()));
                }
            }
        }
    }

    private static void readCalls(Connection connection, Instant start, Instant end, CallCentreCalculator calculator)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CALLS)) {
            statement.setFetchSize(FETCH);
            statement.setTimestamp(1, Timestamp.from(start));
            statement.setTimestamp(2, Timestamp.from(end));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String rating = rows.getString(10);
                    calculator.call(new CallRow(rows.getString(1), rows.getString(2), instant(rows, 3),
                            instant(rows, 4), instant(rows, 5), rows.getBoolean(6), integer(rows, 7),
                            integer(rows, 8), rows.getString(9),
                            rating == null ? null : ServiceRating.valueOf(rating)));
                }
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    /** Today in the city, where a default period ends. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }
}
