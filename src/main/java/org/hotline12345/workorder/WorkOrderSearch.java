package org.hotline12345.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Criteria of a work-order list, translated to JPQL. Empty sets and {@code null} values mean "no filter".
 *
 * @param categoryIds the chosen category and its whole subtree
 * @param departmentId work orders this department currently holds, as lead or assisting
 * @param visibleToDepartmentId set for department staff: only work orders their department holds or once held
 * @param overdue {@code true}: a department holds it and its accept or reply deadline has passed
 * @param dispatchReview {@code true}: automatic dispatch found nobody responsible (the hotline's review queue)
 * @param text matched, case-insensitively, anywhere in the number, the title or the content
 * @param caller who raised it and where: the caller's history on the desktop, 工单查询's caller filters
 */
public record WorkOrderSearch(
        Set<WorkOrderStatus> statuses,
        Set<RequestType> requestTypes,
        Set<Channel> channels,
        Set<Urgency> urgencies,
        List<Long> categoryIds,
        Long departmentId,
        Long visibleToDepartmentId,
        Boolean overdue,
        Boolean dispatchReview,
        LocalDate registeredFrom,
        LocalDate registeredTo,
        String text,
        Sort sort,
        Caller caller) {

    /** The criteria without the caller's. */
    public WorkOrderSearch(Set<WorkOrderStatus> statuses, Set<RequestType> requestTypes, Set<Channel> channels,
            Set<Urgency> urgencies, List<Long> categoryIds, Long departmentId, Long visibleToDepartmentId,
            Boolean overdue, Boolean dispatchReview, LocalDate registeredFrom, LocalDate registeredTo, String text,
            Sort sort) {
        this(statuses, requestTypes, channels, urgencies, categoryIds, departmentId, visibleToDepartmentId, overdue,
                dispatchReview, registeredFrom, registeredTo, text, sort, Caller.ANY);
    }

    /**
     * The caller's criteria, each indexed: {@code null} or blank means "no filter".
     *
     * @param phone the same number however it was written (+86, spaces, dashes), as phone_key compares numbers
     * @param name the beginning of the citizen's name
     * @param place any part of the district, street and address together
     */
    public record Caller(String phone, String name, String place) {

        public static final Caller ANY = new Caller(null, null, null);

        /** The work orders of one calling number. */
        public static Caller byPhone(String phone) {
            return new Caller(phone, null, null);
        }
    }

    /** The same criteria, limited to what this department holds or once held. */
    WorkOrderSearch visibleTo(Long departmentId) {
        return new WorkOrderSearch(statuses, requestTypes, channels, urgencies, categoryIds, this.departmentId,
                departmentId, overdue, dispatchReview, registeredFrom, registeredTo, text, sort, caller);
    }

    /** Orders a list may be sorted in. */
    public enum Sort {
        REGISTERED_DESC("w.registeredAt desc, w.id desc"), REGISTERED_ASC(
                "w.registeredAt asc, w.id asc"), REPLY_DEADLINE_ASC(
                        "w.replyDeadline asc nulls last, w.id asc"), ACCEPT_DEADLINE_ASC(
                                "w.acceptDeadline asc nulls last, w.id asc"), NUMBER_DESC(
                                        "w.number desc"), NUMBER_ASC("w.number asc");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** Work orders in {@code statuses} (all for none) whose number, title or content holds {@code text}. */
    public static WorkOrderSearch byStatus(Set<WorkOrderStatus> statuses, String text, Sort sort) {
        return new WorkOrderSearch(statuses, Set.of(), Set.of(), Set.of(), null, null, null, null, null, null, null,
                text, sort);
    }

    /** Work orders a department holds past their accept or reply deadline. */
    static WorkOrderSearch overdueOnly() {
        return new WorkOrderSearch(Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, true, null, null, null,
                null, Sort.NUMBER_ASC);
    }

    /** A JPQL condition with its parameters. */
    record Query(String where, Map<String, Object> parameters, String orderBy) {
    }

    Query toQuery(Instant now, ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!statuses.isEmpty()) {
            conditions.add("w.status in :statuses");
            parameters.put("statuses", statuses);
        }
        if (!requestTypes.isEmpty()) {
            conditions.add("w.requestType in :requestTypes");
            parameters.put("requestTypes", requestTypes);
        }
        if (!channels.isEmpty()) {
            conditions.add("w.channel in :channels");
            parameters.put("channels", channels);
        }
        if (!urgencies.isEmpty()) {
            conditions.add("w.urgency in :urgencies");
            parameters.put("urgencies", urgencies);
        }
        if (categoryIds != null) {
            conditions.add("w.categoryId in :categoryIds");
            parameters.put("categoryIds", categoryIds.isEmpty() ? List.of(-1L) : categoryIds);
        }
        if (departmentId != null) {
            conditions.add("exists (select 1 from Assignment a where a.workOrder = w and a.departmentId = :departmentId"
                    + " and a.endedAt is null)");
            parameters.put("departmentId", departmentId);
        }
        if (visibleToDepartmentId != null) {
            conditions.add("exists (select 1 from Assignment v where v.workOrder = w"
                    + " and v.departmentId = :visibleTo)");
            parameters.put("visibleTo", visibleToDepartmentId);
        }
        if (overdue != null) {
            String late = "(w.status = :dispatched and w.acceptDeadline < :now"
                    + " or w.status in :clockRunning and w.replyDeadline < :now)";
            conditions.add(overdue ? late : "not " + late);
            parameters.put("dispatched", WorkOrderStatus.DISPATCHED);
            parameters.put("clockRunning", WorkOrderStatus.CLOCK_RUNNING);
            parameters.put("now", now);
        }
        if (dispatchReview != null) {
            conditions.add(dispatchReview ? "w.needsDispatchReview = true" : "w.needsDispatchReview = false");
        }
        if (registeredFrom != null) {
            conditions.add("w.registeredAt >= :registeredFrom");
            parameters.put("registeredFrom", registeredFrom.atStartOfDay(zone).toInstant());
        }
        if (registeredTo != null) {
            conditions.add("w.registeredAt < :registeredTo");
            parameters.put("registeredTo", registeredTo.plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (text != null && !text.isBlank()) {
            conditions.add("(w.number like :text escape '\\' or lower(w.title) like :text escape '\\'"
                    + " or lower(w.content) like :text escape '\\')");
            parameters.put("text", "%" + escapeLike(text.strip().toLowerCase()) + "%");
        }
        if (caller != null) {
            callerConditions(conditions, parameters);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return new Query(where, parameters, sort.orderBy);
    }

    private void callerConditions(List<String> conditions, Map<String, Object> parameters) {
        if (caller.phone() != null && !caller.phone().isBlank()) {
            // phone_key on both sides: the index work_order_citizen_phone is on phone_key(citizen_phone)
            conditions.add("function('phone_key', w.citizen.phone) = function('phone_key', :phone)");
            parameters.put("phone", caller.phone().strip());
        }
        if (caller.name() != null && !caller.name().isBlank()) {
            conditions.add("w.citizen.name like :name escape '\\'");
            parameters.put("name", escapeLike(caller.name().strip()) + "%");
        }
        if (caller.place() != null && !caller.place().isBlank()) {
            // the trigram index work_order_place_trgm's expression; the cast only names its type for Hibernate (SQL
            // varchar, which PostgreSQL reads as the same text, so the index still applies)
            conditions.add("cast(function('work_order_place', w.location.district, w.location.street,"
                    + " w.location.address) as String) like :place escape '\\'");
            parameters.put("place", "%" + escapeLike(caller.place().strip()) + "%");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
