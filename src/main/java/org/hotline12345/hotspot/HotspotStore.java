package org.hotline12345.hotspot;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hotline12345.common.SqlValues;
import org.hotline12345.workorder.RequestType;

/** The hotspot tables: what the pass raised, the work orders behind each, and the supervisors' decisions. */
@ApplicationScoped
public class HotspotStore {

    /** A hotspot to store; its work orders by id and number. */
    public record NewHotspot(HotspotKind kind, String categoryCode, String categoryName, String district,
            String street, RequestType requestType, String summary, Instant windowStart, Instant windowEnd,
            int observed, Double expected, Double pValue, List<Long> trend, LocalDate trendFirstDay,
            Long departmentId, String departmentCode, String departmentName, Map<Long, String> workOrders) {
    }

    /** A stored hotspot. */
    public record Stored(long id, HotspotKind kind, String categoryCode, String categoryName, String district,
            String street, RequestType requestType, String summary, Instant windowStart, Instant windowEnd,
            int observed, Double expected, Double pValue, List<Long> trend, LocalDate trendFirstDay,
            Long departmentId, String departmentCode, String departmentName, HotspotStatus status, Instant raisedAt,
            Instant decidedAt, String decidedBy, String dismissalReason, String proactiveNumber,
            List<String> workOrderNumbers) {
    }

    private static final String COLUMNS = "id, kind, category_code, category_name, district, street, request_type,"
            + " summary, window_start, window_end, observed, expected, p_value, trend, trend_first_day, department_id,"
            + " department_code, department_name, status, raised_at, decided_at, decided_by, dismissal_reason,"
            + " proactive_number";

    @Inject
    EntityManager entityManager;

    /**
     * Stores the hotspot unless its kind, category and area already have one open, or one whose window reaches into
     * this one's (the same burst, already raised and decided); its id when stored.
     */
    @Transactional
    public Optional<Long> raise(NewHotspot hotspot, Instant now) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Long id = null;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into hotspot (kind, category_code, category_name, district, street, request_type, summary,
                      window_start, window_end, observed, expected, p_value, trend, trend_first_day, department_id,
                      department_code, department_name, status, raised_at)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?
                    where not exists (select 1 from hotspot h where h.kind = ?
                      and h.category_code is not distinct from ? and h.district is not distinct from ?
                      and h.street is not distinct from ? and (h.status = 'OPEN' or h.window_end > ?))
                    on conflict do nothing
                    returning id""")) {
                int i = 0;
                insert.setString(++i, hotspot.kind().name());
                insert.setString(++i, hotspot.categoryCode());
                insert.setString(++i, hotspot.categoryName());
                insert.setString(++i, hotspot.district());
                insert.setString(++i, hotspot.street());
                insert.setString(++i, hotspot.requestType().name());
                insert.setString(++i, hotspot.summary());
                insert.setTimestamp(++i, Timestamp.from(hotspot.windowStart()));
                insert.setTimestamp(++i, Timestamp.from(hotspot.windowEnd()));
                insert.setInt(++i, hotspot.observed());
                insert.setObject(++i, hotspot.expected(), Types.DOUBLE);
                insert.setObject(++i, hotspot.pValue(), Types.DOUBLE);
                insert.setString(++i, hotspot.trend().stream().map(String::valueOf).collect(Collectors.joining(",")));
                insert.setDate(++i, Date.valueOf(hotspot.trendFirstDay()));
                insert.setObject(++i, hotspot.departmentId(), Types.BIGINT);
                insert.setString(++i, hotspot.departmentCode());
                insert.setString(++i, hotspot.departmentName());
                insert.setTimestamp(++i, Timestamp.from(now));
                insert.setString(++i, hotspot.kind().name());
                insert.setString(++i, hotspot.categoryCode());
                insert.setString(++i, hotspot.district());
                insert.setString(++i, hotspot.street());
                insert.setTimestamp(++i, Timestamp.from(hotspot.windowStart()));
                try (ResultSet row = insert.executeQuery()) {
                    if (row.next()) {
                        id = row.getLong(1);
                    }
                }
            }
            if (id == null) {
                return Optional.<Long> empty();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into hotspot_work_order (hotspot_id, work_order_id, work_order_number) values (?, ?, ?)")) {
                for (Map.Entry<Long, String> order : hotspot.workOrders().entrySet()) {
                    insert.setLong(1, id);
                    insert.setLong(2, order.getKey());
                    insert.setString(3, order.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return Optional.of(id);
        });
    }

    /** The hotspot, with its work orders' numbers. */
    @Transactional
    public Optional<Stored> find(long id) {
        List<Stored> found = query(" where id = ?", List.of(id));
        return found.stream().findFirst();
    }

    /**
     * The hotspot locked until the transaction ends, for a decision: two supervisors deciding at once are served one
     * after the other, and the second sees the first's decision.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> lock(long id) {
        return query(" where id = ? for update", List.of(id)).stream().findFirst();
    }

    /** The hotspots newest first: all, or those of a status; of one department when {@code departmentId} is given. */
    @Transactional
    public List<Stored> list(HotspotStatus status, Long departmentId, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> values = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            values.add(status.name());
        }
        if (departmentId != null) {
            where.append(" and department_id = ?");
            values.add(departmentId);
        }
        values.add(limit);
        return query(where.append(" order by raised_at desc, id desc limit ?").toString(), values);
    }

    /** The ids of the work orders behind the hotspot. */
    @Transactional
    public List<Long> workOrderIds(long id) {
        return entityManager.createNativeQuery("select work_order_id from hotspot_work_order where hotspot_id = ?1"
                + " order by work_order_id").setParameter(1, id).getResultList().stream()
                .map(value -> ((Number) value).longValue()).toList();
    }

    /** How many hotspots are open. */
    @Transactional
    public long openCount() {
        return ((Number) entityManager.createNativeQuery("select count(*) from hotspot where status = 'OPEN'")
                .getSingleResult()).longValue();
    }

    /** Records that a proactive work order was registered for the hotspot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acted(long id, String proactiveNumber, Instant at, String by) {
        entityManager.createNativeQuery("update hotspot set status = 'ACTED', proactive_number = ?1, decided_at = ?2,"
                + " decided_by = ?3 where id = ?4").setParameter(1, proactiveNumber)
                .setParameter(2, Timestamp.from(at)).setParameter(3, by).setParameter(4, id).executeUpdate();
    }

    /** Records that a supervisor dismissed the hotspot, and why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dismissed(long id, String reason, Instant at, String by) {
        entityManager.createNativeQuery("update hotspot set status = 'DISMISSED', dismissal_reason = ?1,"
                + " decided_at = ?2, decided_by = ?3 where id = ?4").setParameter(1, reason)
                .setParameter(2, Timestamp.from(at)).setParameter(3, by).setParameter(4, id).executeUpdate();
    }

    private List<Stored> query(String tail, List<Object> values) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<Stored> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select " + COLUMNS + " from hotspot" + tail)) {
                for (int i = 0; i < values.size(); i++) {
                    query.setObject(i + 1, values.get(i));
                }
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        found.add(stored(row));
                    }
                }
            }
            Map<Long, List<String>> numbers = numbers(connection, found.stream().map(Stored::id).toList());
            return found.stream().map(h -> withNumbers(h, numbers.getOrDefault(h.id(), List.of()))).toList();
        });
    }

    private static Stored stored(ResultSet row) throws SQLException {
        String trend = row.getString(14);
        return new Stored(row.getLong(1), HotspotKind.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), RequestType.valueOf(row.getString(7)), row.getString(8),
                SqlValues.instant(row.getTimestamp(9)), SqlValues.instant(row.getTimestamp(10)), row.getInt(11),
                (Double) row.getObject(12), (Double) row.getObject(13),
                trend.isEmpty() ? List.of() : Arrays.stream(trend.split(",")).map(Long::valueOf).toList(),
                row.getDate(15).toLocalDate(), (Long) row.getObject(16), row.getString(17), row.getString(18),
                HotspotStatus.valueOf(row.getString(19)), SqlValues.instant(row.getTimestamp(20)),
                SqlValues.instant(row.getTimestamp(21)), row.getString(22), row.getString(23), row.getString(24),
                List.of());
    }

    private static Stored withNumbers(Stored h, List<String> numbers) {
        return new Stored(h.id(), h.kind(), h.categoryCode(), h.categoryName(), h.district(), h.street(),
                h.requestType(), h.summary(), h.windowStart(), h.windowEnd(), h.observed(), h.expected(), h.pValue(),
                h.trend(), h.trendFirstDay(), h.departmentId(), h.departmentCode(), h.departmentName(), h.status(),
                h.raisedAt(), h.decidedAt(), h.decidedBy(), h.dismissalReason(), h.proactiveNumber(), numbers);
    }

    private static Map<Long, List<String>> numbers(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<String>> numbers = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return numbers;
        }
        try (PreparedStatement query = connection.prepareStatement("select hotspot_id, work_order_number"
                + " from hotspot_work_order where hotspot_id = any(?) order by hotspot_id, work_order_id")) {
            query.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    numbers.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
                }
            }
        }
        return numbers;
    }
}
