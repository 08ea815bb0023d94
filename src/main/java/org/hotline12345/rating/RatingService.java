package org.hotline12345.rating;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.security.Actor;
import org.hotline12345.workorder.CitizenProgress;
import org.hotline12345.workorder.ServiceRating;
import org.hotline12345.workorder.WorkOrderService;

/**
 * 好差评: one rating per work order (一事一评) on five levels, once the hotline approved the reply. The work order keeps
 * it as the citizen's satisfaction, mapped to the callback's three levels, so that every rate counts the five levels
 * alike; a rating of 不满意 or worse waits in the hotline's review (差评核实), where it is upheld (the work order goes
 * back to the department, 重办, or under supervision, 督办) or not (kept, with the reason).
 */
@ApplicationScoped
public class RatingService {

    /** A rating as the hotline's review list and page show it. */
    public record RatingView(String number, ServiceRating rating, String comment, String channel,
            OffsetDateTime ratedAt, String department, ReviewState reviewState, ReviewDecision decision,
            String reviewReason, String reviewedBy, OffsetDateTime reviewedAt) {
    }

    /** One department's ratings of a period, by level (five, best first). */
    public record DepartmentRatings(String department, Map<ServiceRating, Long> byLevel, long bad, long total) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    WorkOrderService workOrders;

    @Inject
    DepartmentDirectory departments;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /**
     * Records the citizen's rating of {@code progress}, which they proved they may see.
     *
     * @param channel {@code PORTAL} when rated on the progress page, {@code SMS_LINK} from the invitation's link
     * @throws ConflictException when it was rated already
     */
    @Transactional
    public void rate(CitizenProgress progress, ServiceRating rating, String comment, String channel) {
        if (!progress.rateable()) {
            throw new ConflictException("工单 " + progress.number() + " 还没有可评价的答复");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 500) {
            throw InvalidFieldException.malformed("comment", "Size", "评价内容不能超过 500 字");
        }
        int inserted = entityManager.createNativeQuery("""
                insert into work_order_rating (work_order_number, rating, comment, channel, rated_at,
                    lead_department_id, review_state)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (work_order_number) do nothing""")
                .setParameter(1, progress.number()).setParameter(2, rating.name()).setParameter(3, text)
                .setParameter(4, channel).setParameter(5, clock.instant())
                .setParameter(6, progress.leadDepartmentId())
                .setParameter(7, (rating.isBad() ? ReviewState.PENDING : ReviewState.NOT_NEEDED).name())
                .executeUpdate();
        if (inserted == 0) {
            throw new ConflictException("工单 " + progress.number() + " 已经评价过了，每件诉求评价一次");
        }
        workOrders.rate(progress.number(), rating, channel);
    }

    /** The work order's rating, if it has one. */
    @Transactional
    public Optional<RatingView> find(String number) {
        return views("where work_order_number = ?1", number, 1).stream().findFirst();
    }

    /** 差评核实: the bad ratings awaiting the hotline's decision, oldest first. */
    @Transactional
    public List<RatingView> pendingReview() {
        return views("where review_state = 'PENDING' order by rated_at", null, 200);
    }

    /** The latest decided reviews, newest first. */
    @Transactional
    public List<RatingView> reviewed(int limit) {
        return views("where review_state in ('UPHELD', 'NOT_UPHELD') order by reviewed_at desc", null, limit);
    }

    /**
     * Decides a bad rating: upheld, the work order is reopened to its department (and with {@code SUPERVISE} put
     * under supervision); not upheld, the rating is kept with the reason. The reason is required either way.
     */
    @Transactional
    public void decide(String number, ReviewDecision decision, String reason, Actor actor) {
        if (decision == null) {
            throw InvalidFieldException.malformed("decision", "NotNull", "请选择核实结论");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidFieldException.malformed("reason", "NotBlank", "请填写核实情况");
        }
        String text = reason.strip();
        if (text.length() > 500) {
            throw InvalidFieldException.malformed("reason", "Size", "核实情况不能超过 500 字");
        }
        @SuppressWarnings("unchecked")
        List<String> states = entityManager.createNativeQuery(
                "select review_state from work_order_rating where work_order_number = ?1 for update")
                .setParameter(1, number).getResultList();
        if (states.isEmpty()) {
            throw new ResourceNotFoundException("Rating", number);
        }
        if (!ReviewState.PENDING.name().equals(states.get(0))) {
            throw new ConflictException("工单 " + number + " 的评价不在待核实之列");
        }
        if (decision != ReviewDecision.NOT_UPHELD) {
            workOrders.reopenAfterRating(number, "差评核实属实：" + text, decision == ReviewDecision.SUPERVISE, actor);
        }
        entityManager.createNativeQuery("""
                update work_order_rating set review_state = ?2, review_decision = ?3, review_reason = ?4,
                    reviewed_by = ?5, reviewed_at = ?6
                where work_order_number = ?1""")
                .setParameter(1, number)
                .setParameter(2, (decision == ReviewDecision.NOT_UPHELD ? ReviewState.NOT_UPHELD : ReviewState.UPHELD)
                        .name())
                .setParameter(3, decision.name()).setParameter(4, text).setParameter(5, actor.username())
                .setParameter(6, clock.instant()).executeUpdate();
    }

    /** The five levels per department for the ratings of a period of the city's days, most ratings first. */
    @Transactional
    public List<DepartmentRatings> byDepartment(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(calendar.zone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select lead_department_id, rating, count(*) from work_order_rating
                where rated_at >= ?1 and rated_at < ?2 group by 1, 2""")
                .setParameter(1, start).setParameter(2, end).getResultList();
        Map<String, Map<ServiceRating, Long>> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String department = row[0] == null
                    ? "（无承办单位）"
                    : departments.byId(((Number) row[0]).longValue()).map(DepartmentView::name).orElse("—");
            counts.computeIfAbsent(department, d -> new EnumMap<>(ServiceRating.class))
                    .merge(ServiceRating.valueOf((String) row[1]), ((Number) row[2]).longValue(), Long::sum);
        }
        List<DepartmentRatings> result = new ArrayList<>();
        counts.forEach((department, byLevel) -> {
            Map<ServiceRating, Long> all = new EnumMap<>(ServiceRating.class);
            for (ServiceRating level : ServiceRating.values()) {
                all.put(level, byLevel.getOrDefault(level, 0L));
            }
            long bad = all.entrySet().stream().filter(e -> e.getKey().isBad()).mapToLong(Map.Entry::getValue).sum();
            result.add(new DepartmentRatings(department, all, bad,
                    all.values().stream().mapToLong(Long::longValue).sum()));
        });
        result.sort((a, b) -> Long.compare(b.total(), a.total()));
        return result;
    }

    /** Today in the city, where a default period ends. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    private List<RatingView> views(String where, String number, int limit) {
        var query = entityManager.createNativeQuery("""
                select work_order_number, rating, comment, channel, rated_at, lead_department_id, review_state,
                    review_decision, review_reason, reviewed_by, reviewed_at
                from work_order_rating""" + " " + where + " limit " + limit);
        if (number != null) {
            query.setParameter(1, number);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new RatingView((String) row[0], ServiceRating.valueOf((String) row[1]),
                (String) row[2], (String) row[3], time((Instant) row[4]),
                row[5] == null
                        ? null
                        : departments.byId(((Number) row[5]).longValue()).map(DepartmentView::name).orElse(null),
                ReviewState.valueOf((String) row[6]), row[7] == null ? null : ReviewDecision.valueOf((String) row[7]),
                (String) row[8], (String) row[9], row[10] == null ? null : time((Instant) row[10]))).toList();
    }

    private OffsetDateTime time(Instant instant) {
        return instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
