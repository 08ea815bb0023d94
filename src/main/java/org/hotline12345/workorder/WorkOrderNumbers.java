package org.hotline12345.workorder;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;

/**
 * Work-order numbers such as {@code 20261123-000042}: the registration date in the city's zone and a counter that
 * restarts every day, so numbers read well on the phone and sort by registration.
 * <p>
 * Every registration of a day increments the same counter row, so its lock must be held as briefly as possible: the
 * registrations written together draw their numbers as one block, and the database function
 * {@code next_work_order_numbers} runs in autocommit mode (call this outside any transaction) and commits without
 * waiting for the disk. That is safe because the registration's own commit flushes the write-ahead
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

    /**
     * Numbers for registrations written together, in their order: one block of consecutive numbers per day among
     * them, drawn in one statement.
     */
    public List<String> next(List<Instant> registeredAt) {
        List<LocalDate> days = registeredAt.stream().map(at -> LocalDate.ofInstant(at, calendar.zone())).toList();
        Map<LocalDate, Integer> next = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement draw = connection.prepareStatement("select next_work_order_numbers(?, ?)")) {
            for (Map.Entry<LocalDate, Long> day : days.stream()
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                    .entrySet()) {
                draw.setDate(1, Date.valueOf(day.getKey()));
                draw.setInt(2, day.getValue().intValue());
                try (ResultSet result = draw.executeQuery()) {
                    result.next();
                    next.put(day.getKey(), result.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not draw work-order numbers", e);
        }
        return days.stream().map(day -> format(day, next.merge(day, 1, Integer::sum) - 1)).toList();
    }

    static String format(LocalDate day, long value) {
        return DAY.format(day) + "-" + String.format("%06d", value);
    }
}
