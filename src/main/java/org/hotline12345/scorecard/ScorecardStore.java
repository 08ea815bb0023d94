package org.hotline12345.scorecard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.common.SqlValues;
import org.hotline12345.department.DepartmentKind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The scorecard tables: the scoring versions and the appeals. */
@ApplicationScoped
public class ScorecardStore {

    /** An appeal as stored. */
    public record Appeal(long id, long workOrderId, String workOrderNumber, long departmentId, String departmentCode,
            AppealKind kind, String reason, String evidence, AppealStatus status, String submittedBy,
            Instant submittedAt, String decidedBy, Instant decidedAt, String decisionReason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String APPEAL = "select id, work_order_id, work_order_number, department_id, department_code,"
            + " kind, reason, evidence, status, submitted_by, submitted_at, decided_by, decided_at, decision_reason"
            + " from scorecard_appeal ";

    @Inject
    EntityManager entityManager;

    /** The version in force in the month: the latest saved for the latest month not after it. */
    @Transactional
    public ScoringVersion versionFor(YearMonth month) {
        return version(entityManager.createNativeQuery("select id, valid_from, cast(weights as text),"
                + " cast(groups as text), red_count, black_count, created_by from scorecard_version"
                + " where valid_from <= ?1 order by valid_from desc, id desc limit 1")
                .setParameter(1, Date.valueOf(month.atDay(1))).getResultList());
    }

    /** Every saved version, the newest month first. */
    @Transactional
    public List<ScoringVersion> versions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, valid_from, cast(weights as text),"
                + " cast(groups as text), red_count, black_count, created_by from scorecard_version"
                + " order by valid_from desc, id desc").getResultList();
        return rows.stream().map(ScorecardStore::version).toList();
    }

    @Transactional
    public long saveVersion(ScoringVersion version, Instant now) {
        Map<String, Object> weights = new LinkedHashMap<>();
        version.weights().forEach((indicator, points) -> weights.put(indicator.name(), points));
        Map<String, Object> groups = new LinkedHashMap<>();
        version.groups().forEach((kind, group) -> groups.put(kind.name(), group));
        return ((Number) entityManager.createNativeQuery("insert into scorecard_version (valid_from, weights, groups,"
                + " red_count, black_count, created_by, created_at) values (?1, cast(?2 as jsonb), cast(?3 as jsonb),"
                + " ?4, ?5, ?6, ?7) returning id").setParameter(1, Date.valueOf(version.validFrom().atDay(1)))
                .setParameter(2, write(weights)).setParameter(3, write(groups)).setParameter(4, version.redCount())
                .setParameter(5, version.blackCount()).setParameter(6, version.createdBy())
                .setParameter(7, Timestamp.from(now)).getSingleResult()).longValue();
    }

    /** The (work order id, department code) pairs of the upheld appeals among the work orders. */
    @Transactional
    public Set<String> upheld(Collection<Long> workOrderIds) {
        Set<String> keys = new HashSet<>();
        if (workOrderIds.isEmpty()) {
            return keys;
        }
        for (Object row : entityManager.createNativeQuery("select work_order_id, department_code from scorecard_appeal"
                + " where status = 'UPHELD' and work_order_id in (?1)").setParameter(1, List.copyOf(workOrderIds))
                .getResultList()) {
            Object[] c = (Object[]) row;
            keys.add(key(((Number) c[0]).longValue(), (String) c[1]));
        }
        return keys;
    }

    static String key(long workOrderId, String departmentCode) {
        return workOrderId + "/" + departmentCode;
    }

    /** Stores a pending appeal; empty when the department already has one pending or upheld for the work order. */
    @Transactional
    public Optional<Long> appeal(long workOrderId, String number, long departmentId, String departmentCode,
            AppealKind kind, String reason, String evidence, String submittedBy, Instant now) {
        List<?> ids = entityManager.createNativeQuery("insert into scorecard_appeal (work_order_id, work_order_number,"
                + " department_id, department_code, kind, reason, evidence, status, submitted_by, submitted_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8, ?9) on conflict do nothing returning id")
                .setParameter(1, workOrderId).setParameter(2, number).setParameter(3, departmentId)
                .setParameter(4, departmentCode).setParameter(5, kind.name()).setParameter(6, reason)
                .setParameter(7, evidence).setParameter(8, submittedBy).setParameter(9, Timestamp.from(now))
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Decides a pending appeal; false when it was no longer pending. */
    @Transactional
    public boolean decide(long id, AppealStatus decision, String reason, String decidedBy, Instant now) {
        return entityManager.createNativeQuery("update scorecard_appeal set status = ?2, decision_reason = ?3,"
                + " decided_by = ?4, decided_at = ?5 where id = ?1 and status = 'PENDING'").setParameter(1, id)
                .setParameter(2, decision.name()).setParameter(3, reason).setParameter(4, decidedBy)
                .setParameter(5, Timestamp.from(now)).executeUpdate() == 1;
    }

    @Transactional
    public Optional<Appeal> find(long id) {
        return appeals("where id = ?1", id).stream().findFirst();
    }

    /** Appeals of a status (all when {@code null}), of one department when {@code departmentId} is not null. */
    @Transactional
    public List<Appeal> list(AppealStatus status, Long departmentId, int limit) {
        return appeals("where (cast(?1 as varchar) is null or status = ?1) and (cast(?2 as bigint) is null"
                + " or department_id = ?2) order by submitted_at desc, id desc limit " + limit,
                status == null ? null : status.name(), departmentId);
    }

    private List<Appeal> appeals(String where, Object... parameters) {
        var query = entityManager.createNativeQuery(APPEAL + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(c -> new Appeal(((Number) c[0]).longValue(), ((Number) c[1]).longValue(),
                (String) c[2], ((Number) c[3]).longValue(), (String) c[4], AppealKind.valueOf((String) c[5]),
                (String) c[6], (String) c[7], AppealStatus.valueOf((String) c[8]), (String) c[9],
                SqlValues.instant(c[10]), (String) c[11], c[12] == null ? null : SqlValues.instant(c[12]),
                (String) c[13])).toList();
    }

    private static ScoringVersion version(List<?> rows) {
        return version((Object[]) rows.get(0));
    }

    private static ScoringVersion version(Object[] c) {
        Map<Indicator, Integer> weights = new EnumMap<>(Indicator.class);
        read((String) c[2]).forEach((name, points) -> weights.put(Indicator.valueOf(name), ((Number) points)
                .intValue()));
        Map<DepartmentKind, String> groups = new EnumMap<>(DepartmentKind.class);
        read((String) c[3]).forEach((kind, group) -> groups.put(DepartmentKind.valueOf(kind), (String) group));
        return new ScoringVersion(((Number) c[0]).longValue(),
                YearMonth.from(c[1] instanceof Date date ? date.toLocalDate() : (LocalDate) c[1]), weights,
                groups, ((Number) c[4]).intValue(), ((Number) c[5]).intValue(), (String) c[6]);
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scoring version is not JSON: " + json, e);
        }
    }

    private static String write(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
