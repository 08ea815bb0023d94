package org.hotline12345.access;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.Page;
import org.hotline12345.common.ServiceUnavailableException;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrderService;

/** Answers who saw this citizen, who saw this work order, and what this user read, in a period, newest first. */
@ApplicationScoped
public class AccessRecordQuery {

    /** Counting stops here: the page says "more than" instead of counting a long record to its end. */
    public static final int COUNT_LIMIT = 100_000;

    /**
     * What to look for; {@code null} members look for anything.
     *
     * @param phone the citizen's phone number, compared as calls compare numbers
     * @param from the first day, in the city's zone
     * @param to the last day, included
     */
    public record Filter(String phone, String workOrderNumber, String username, LocalDate from, LocalDate to) {

        public Filter {
            if (from != null && to != null && to.isBefore(from)) {
                throw InvalidFieldException.malformed("to", "range", "结束日期不能早于开始日期");
            }
        }
    }

    /** One showing of a work order's citizen details. */
    public record ReadView(OffsetDateTime at, String username, String role, String workOrderNumber, boolean masked,
            AccessChannel channel, String endpoint) {

        /** The role as the pages name it; a reader from another front end keeps its own name. */
        public String roleName() {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    return Labels.label(known);
                }
            }
            return role;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    WorkOrderService workOrders;

    @Inject
    WorkingCalendar calendar;

    public Page<ReadView> find(Filter filter, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        if (where == null) {
            return new Page<>(List.of(), page, size, 0);
        }
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection,
                    "select count(*) from (select 1 from personal_data_read" + where + " limit " + COUNT_LIMIT + ") r",
                    parameters);
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(size);
            paged.add((long) page * size);
            List<ReadView> items = new ArrayList<>(size);
            try (PreparedStatement select = prepare(connection, "select read_at, username, role, work_order_number,"
                    + " masked, channel, endpoint from personal_data_read" + where
                    + " order by read_at desc, id desc limit ? offset ?", paged);
                    ResultSet rows = select.executeQuery()) {
                ZoneId zone = calendar.zone();
                while (rows.next()) {
                    items.add(new ReadView(rows.getTimestamp(1).toInstant().atZone(zone).toOffsetDateTime(),
                            rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5),
                            AccessChannel.valueOf(rows.getString(6)), rows.getString(7)));
                }
            }
            return new Page<>(items, page, size, total);
        } catch (SQLException e) {
            throw new ServiceUnavailableException("The access record could not be read", e);
        }
    }

    /** The conditions of the filter, or {@code null} when it can match nothing (a phone no work order has). */
    private String where(Filter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.phone() != null) {
            List<String> numbers = workOrders.numbersOfCitizen(filter.phone());
            if (numbers.isEmpty()) {
                return null;
            }
            conditions.add("work_order_number = any(?)");
            parameters.add(numbers.toArray(String[]::new));
        }
        if (filter.workOrderNumber() != null) {
            conditions.add("work_order_number = ?");
            parameters.add(filter.workOrderNumber());
        }
        if (filter.username() != null) {
            conditions.add("username = ?");
            parameters.add(filter.username());
        }
        ZoneId zone = calendar.zone();
        if (filter.from() != null) {
            conditions.add("read_at >= ?");
            parameters.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("read_at < ?");
            parameters.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String[] texts) {
                Array array = connection.createArrayOf("varchar", texts);
                statement.setArray(i + 1, array);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
