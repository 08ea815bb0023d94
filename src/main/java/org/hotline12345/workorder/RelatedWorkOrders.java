package org.hotline12345.workorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.SqlValues;
import org.hotline12345.security.Actor;

/**
 * The work orders about the same matter for the duplicate suggestion (the same phone, place or enterprise within a
 * window), the 关联 between a later request and an existing work order, and what the history says of each work
 * order's repeats: read as records, so that the duplicate feature needs neither the entities nor the tables.
 */
@ApplicationScoped
public class RelatedWorkOrders {

    /** What to look for: any of the phone, the place (district, and street when given) and the enterprise. */
    public record Probe(String phone, String district, String street, String enterpriseName, String creditCode,
            String excludeNumber) {
    }

    /**
     * A work order that may be about the same matter as the request being registered.
     *
     * @param samePhone registered for the same phone number (compared as calls compare numbers)
     * @param samePlace in the same district, and street when the probe names one
     * @param sameEnterprise about the same enterprise (credit code or name)
     */
    public record Candidate(String number, String title, String content, WorkOrderStatus status,
            Instant registeredAt, String district, String street, String categoryCode, String categoryName,
            boolean samePhone, boolean samePlace, boolean sameEnterprise) {
    }

    /**
     * What the history says of a work order's repeats.
     *
     * @param relatedTo the existing work orders this one was related (关联) or merged (并单) to
     * @param relatedLater the later requests related or merged to this one
     * @param repeat 重复件: related or merged to a work order that was not closed yet
     * @param phoneRequests the work orders of its phone number in the window up to its registration, itself included
     */
    public record Relations(String number, List<String> relatedTo, List<String> relatedLater, boolean repeat,
            int phoneRequests) {
    }

    /**
     * A month's count of repeats, by registration month.
     *
     * @param repeats 重复件 registered in the month
     * @param multiRequestOrders work orders of the month whose phone had at least the threshold in the window (一人多诉)
     * @param multiRequestCallers the phone numbers behind them
     */
    public record MonthCount(YearMonth month, long repeats, long multiRequestOrders, long multiRequestCallers) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    WorkOrderRepository workOrders;

    @Inject
    Clock clock;

    /**
     * The work orders registered since {@code since}, newest first, that share the probe's phone, place or enterprise;
     * merged duplicates are left out (their primary is there). None when the probe names none of them.
     */
    @Transactional
    public List<Candidate> candidates(Probe probe, Instant since, int limit) {
        List<String> matches = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        String samePhone = "false";
        if (probe.phone() != null) {
            samePhone = "phone_key(w.citizen_phone) = phone_key(?)";
            matches.add(samePhone);
        }
        String samePlace = "false";
        if (probe.district() != null) {
            samePlace = probe.street() == null ? "w.district = ?" : "(w.district = ? and w.street = ?)";
            matches.add(samePlace);
        }
        String sameEnterprise = "false";
        if (probe.creditCode() != null || probe.enterpriseName() != null) {
            sameEnterprise = "(w.enterprise_credit_code = ? or w.enterprise_name = ?)";
            matches.add(sameEnterprise);
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        // each condition is both selected (to say why) and matched, so its values are bound twice, in that order
        for (int pass = 0; pass < 2; pass++) {
            if (probe.phone() != null) {
                parameters.add(probe.phone());
            }
            if (probe.district() != null) {
                parameters.add(probe.district());
                if (probe.street() != null) {
                    parameters.add(probe.street());
                }
            }
            if (probe.creditCode() != null || probe.enterpriseName() != null) {
                parameters.add(probe.creditCode());
                parameters.add(probe.enterpriseName());
            }
        }
        String sql = "select w.number, w.title, w.content, w.status, w.registered_at, w.district, w.street, c.code,"
                + " c.name, " + samePhone + ", " + samePlace + ", " + sameEnterprise
                + " from work_order w join category c on c.id = w.category_id"
                + " where (" + String.join(" or ", matches) + ") and w.registered_at >= ?"
                + " and w.merged_into_number is null and w.number <> ? order by w.registered_at desc limit ?";
        parameters.add(Timestamp.from(since));
        parameters.add(probe.excludeNumber() == null ? "" : probe.excludeNumber());
        parameters.add(limit);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<Candidate> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    query.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        found.add(new Candidate(row.getString(1), row.getString(2), row.getString(3),
                                WorkOrderStatus.valueOf(row.getString(4)), SqlValues.instant(row.getTimestamp(5)),
                                row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                                row.getBoolean(10), row.getBoolean(11), row.getBoolean(12)));
                    }
                }
            }
            return found;
        });
    }

    /**
     * 关联: the later request {@code number} records the existing work order, and the existing one the later request;
     * taken by those who register work orders. Both rows are locked in number order, as 并单 locks them.
     */
    @Transactional
    public void relate(String number, String existingNumber, Actor actor) {
        WorkOrderPolicy.requireRegister(actor);
        String existing = existingNumber.strip();
        boolean laterFirst = number.compareTo(existing) <= 0;
        WorkOrder first = workOrders.lockByNumber(laterFirst ? number : existing).orElse(null);
        WorkOrder second = workOrders.lockByNumber(laterFirst ? existing : number).orElse(null);
        WorkOrder later = laterFirst ? first : second;
        WorkOrder earlier = laterFirst ? second : first;
        if (later == null) {
            throw new ResourceNotFoundException("工单", number);
        }
        if (earlier == null) {
            throw InvalidFieldException.unacceptable("existing", "exists", "没有编号为 " + existing + " 的工单");
        }
        later.relateTo(earlier, actor, clock.instant());
    }

    /** The work order's relations and repeats, from its history and its phone's work orders in {@code window}. */
    @Transactional
    public Relations relations(String number, Duration window) {
        if (workOrders.count("number", number) == 0) {
            throw new ResourceNotFoundException("工单", number);
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<String> relatedTo = new ArrayList<>();
            List<String> relatedLater = new ArrayList<>();
            boolean repeat = false;
            try (PreparedStatement query = connection.prepareStatement("""
                    select e.type, e.details from work_order_event e join work_order w on w.id = e.work_order_id
                    where w.number = ? and e.type in ('RELATED', 'RELATED_LATER', 'MERGED', 'DUPLICATE_MERGED')
                    order by e.id""")) {
                query.setString(1, number);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        Map<String, Object> details = EventDetails.read(row.getString(2));
                        switch (EventType.valueOf(row.getString(1))) {
                            case RELATED -> {
                                relatedTo.add(String.valueOf(details.get("existing")));
                                repeat |= Boolean.TRUE.equals(details.get("repeat"));
                            }
                            case MERGED -> {
                                // a merge goes only into a work order not closed yet: always a repeat
                                relatedTo.add(String.valueOf(details.get("primary")));
                                repeat = true;
                            }
                            case RELATED_LATER -> relatedLater.add(String.valueOf(details.get("later")));
                            case DUPLICATE_MERGED -> relatedLater.add(String.valueOf(details.get("duplicate")));
                            default -> throw new IllegalStateException("Not a relation: " + row.getString(1));
                        }
                    }
                }
            }
            return new Relations(number, relatedTo, relatedLater, repeat, phoneRequests(connection, number, window));
        });
    }

    private static int phoneRequests(Connection connection, String number, Duration window) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*) from work_order w join work_order o
                  on phone_key(o.citizen_phone) = phone_key(w.citizen_phone)
                 and o.registered_at > w.registered_at - ? * interval '1 second' and o.registered_at <= w.registered_at
                where w.number = ?""")) {
            query.setLong(1, window.toSeconds());
            query.setString(2, number);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * 重复件 and 一人多诉 per month of registration, the months from {@code from} to {@code to} inclusive in
     * {@code zone}: a repeat is related (关联) to an open work order or merged (并单); a multiple request's phone had
     * at least {@code threshold} work orders in the {@code window} up to its registration, itself included.
     */
    @Transactional
    public List<MonthCount> monthly(YearMonth from, YearMonth to, ZoneId zone, Duration window, int threshold) {
        Map<YearMonth, long[]> counts = new LinkedHashMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            counts.put(month, new long[3]);
        }
        Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select to_char(w.registered_at at time zone ?, 'YYYY-MM'), count(*) from work_order w
                    where w.registered_at >= ? and w.registered_at < ? and exists (select 1 from work_order_event e
                      where e.work_order_id = w.id and (e.type = 'MERGED'
                        or (e.type = 'RELATED' and (e.details ->> 'repeat')::boolean)))
                    group by 1""")) {
                bind(query, zone, start, end);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        counts.get(YearMonth.parse(row.getString(1)))[0] = row.getLong(2);
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    select registered_month, count(*), count(distinct phone) from (
                      select to_char(w.registered_at at time zone ?, 'YYYY-MM') as registered_month,
                        phone_key(w.citizen_phone) as phone,
                        (select count(*) from work_order o where phone_key(o.citizen_phone) = phone_key(w.citizen_phone)
                          and o.registered_at > w.registered_at - ? * interval '1 second'
                          and o.registered_at <= w.registered_at) as requests
                      from work_order w where w.registered_at >= ? and w.registered_at < ?) per_order
                    where requests >= ? group by registered_month""")) {
                query.setString(1, zone.getId());
                query.setLong(2, window.toSeconds());
                query.setTimestamp(3, Timestamp.from(start));
                query.setTimestamp(4, Timestamp.from(end));
                query.setInt(5, threshold);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        long[] month = counts.get(YearMonth.parse(row.getString(1)));
                        month[1] = row.getLong(2);
                        month[2] = row.getLong(3);
                    }
                }
            }
        });
        return counts.entrySet().stream()
                .map(entry -> new MonthCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                        entry.getValue()[2]))
                .toList();
    }

    private static void bind(PreparedStatement query, ZoneId zone, Instant start, Instant end) throws SQLException {
        query.setString(1, zone.getId());
        query.setTimestamp(2, Timestamp.from(start));
        query.setTimestamp(3, Timestamp.from(end));
    }
}
