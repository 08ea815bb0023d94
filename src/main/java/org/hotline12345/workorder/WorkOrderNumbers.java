package org.hotline12345.workorder;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;

/**
 * Work-order numbers such as {@code 20261123-000042}: the registration date in the city's zone and a counter that
 * restarts every day, so numbers read well on the phone and sort by registration.
 * <p>
 * Every registration of a day increments the same counter row, so its lock must be held as briefly as possible: the
 * database function {@code next_work_order_number} runs in autocommit mode (call this outside any transaction) and
 * commits without waiting for the disk. That is safe because the registration's own commit flushes the write-ahead
 * log past the counter's commit record, so no durable work order can carry a number the counter forgot. A
 * registration that fails afterwards leaves a gap, as sequences do.
 */
@ApplicationScoped
public class WorkOrderNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    DataSource dataSource;

    @Inject
    WorkingCalendar calendar;

    public String next(Instant registeredAt) {
        LocalDate day = LocalDate.ofInstant(registeredAt, calendar.zone());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement draw = connection.prepareStatement("select next_work_order_number(?)")) {
            draw.setDate(1, Date.valueOf(day));
            try (ResultSet result = draw.executeQuery()) {
                result.next();
                return format(day, result.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not draw a work-order number", e);
        }
    }

    static String format(LocalDate day, long value) {
        return DAY.format(day) + "-" + String.format("%06d", value);
    }
}
