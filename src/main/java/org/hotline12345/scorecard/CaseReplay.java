package org.hotline12345.scorecard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.ScorecardReads.Step;
import org.hotline12345.workorder.ServiceRating;

/**
 * Replays work orders' histories into the departments' cases: who was the lead department at each step, which
 * deadlines were in force, and what the department did. Only the events count, so the figures reproduce from the
 * history whatever the work order's columns say now.
 */
final class CaseReplay {

    private CaseReplay() {
    }

    /**
     * The cases of the departments whose first dispatch of a work order falls in {@code [start, end)}; clocks still
     * running at {@code now} are not yet due.
     *
     * @param steps scored events, oldest first per work order
     */
    static List<DepartmentCase> cases(List<Step> steps, Instant start, Instant end, Instant now) {
        List<DepartmentCase> cases = new ArrayList<>();
        int from = 0;
        while (from < steps.size()) {
            int to = from;
            long id = steps.get(from).workOrderId();
            while (to < steps.size() && steps.get(to).workOrderId() == id) {
                to++;
            }
            for (Builder built : replay(steps.subList(from, to))) {
                if (!built.dispatchedAt.isBefore(start) && built.dispatchedAt.isBefore(end)) {
                    cases.add(built.build(now));
                }
            }
            from = to;
        }
        return cases;
    }

    private static List<Builder> replay(List<Step> history) {
        Map<String, Builder> byDepartment = new LinkedHashMap<>();
        Builder lead = null;
        for (Step step : history) {
            Map<String, Object> details = step.details();
            switch (step.type()) {
                case DISPATCHED, REDISPATCHED -> {
                    String code = (String) details.get("leadDepartment");
                    lead = byDepartment.computeIfAbsent(code, c -> new Builder(step, c));
                    lead.deadlines(details);
                }
                case ACCEPTED -> {
                    if (lead != null && lead.acceptedAt == null) {
                        lead.acceptedAt = step.at();
                        lead.acceptedOnTime = !step.at().isAfter(lead.acceptDeadline);
                    }
                }
                case RETURN_REJECTED, EXTENSION_APPROVED, DEADLINES_RECALCULATED -> {
                    if (lead != null) {
                        lead.deadlines(details);
                    }
                }
                case RETURN_APPROVED -> {
                    if (lead != null) {
                        lead.returned = true;
                    }
                    lead = null;
                }
                case REPLIED -> {
                    if (lead != null && !lead.replied) {
                        lead.replied = true;
                        lead.repliedOnTime = !step.at().isAfter(lead.replyDeadline);
                    }
                }
                case REPLY_REJECTED, REOPENED_AFTER_RATING -> {
                    if (lead != null) {
                        lead.reopened = true;
                        lead.deadlines(details);
                    }
                }
                case CALLBACK_RECORDED -> {
                    if (lead != null && Boolean.TRUE.equals(details.get("reached"))) {
                        lead.resolved = (Boolean) details.get("resolved");
                        lead.satisfaction = Satisfaction.valueOf((String) details.get("satisfaction"));
                        if (lead.satisfaction == Satisfaction.DISSATISFIED) {
                            lead.reopened = true;
                            lead.deadlines(details);
                        }
                    }
                }
                case SERVICE_RATED -> {
                    if (lead != null) {
                        lead.rating = ServiceRating.valueOf((String) details.get("rating"));
                        lead.satisfaction = lead.rating.satisfaction();
                    }
                }
                case SUPERVISED, ESCALATED -> {
                    if (lead != null) {
                        lead.supervised = true;
                    }
                }
                default -> {
                    // closing without a callback changes no figure
                }
            }
        }
        return List.copyOf(byDepartment.values());
    }

    private static final class Builder {
        private final long workOrderId;
        private final String number;
        private final String title;
        private final String departmentCode;
        private final Instant dispatchedAt;
        private Instant acceptDeadline;
        private Instant replyDeadline;
        private Instant acceptedAt;
        private Boolean acceptedOnTime;
        private Boolean repliedOnTime;
        private boolean returned;
        private boolean replied;
        private boolean reopened;
        private Boolean resolved;
        private Satisfaction satisfaction;
        private ServiceRating rating;
        private boolean supervised;

        Builder(Step dispatch, String departmentCode) {
            this.workOrderId = dispatch.workOrderId();
            this.number = dispatch.number();
            this.title = dispatch.title();
            this.departmentCode = departmentCode;
            this.dispatchedAt = dispatch.at();
        }

        /** The deadlines an event sets; an accept deadline only while the work order waits to be accepted. */
        void deadlines(Map<String, Object> details) {
            if (details.get("acceptDeadline") instanceof String accept && acceptedAt == null) {
                acceptDeadline = Instant.parse(accept);
            }
            if (details.get("replyDeadline") instanceof String reply) {
                replyDeadline = Instant.parse(reply);
            }
        }

        DepartmentCase build(Instant now) {
            Boolean accepted = acceptedOnTime;
            if (accepted == null && !returned && acceptDeadline != null && now.isAfter(acceptDeadline)) {
                accepted = false;
            }
            Boolean repliedInTime = repliedOnTime;
            if (repliedInTime == null && !returned && replyDeadline != null && now.isAfter(replyDeadline)) {
                repliedInTime = false;
            }
            return new DepartmentCase(workOrderId, number, title, departmentCode, dispatchedAt, accepted,
                    repliedInTime, returned, replied, reopened, resolved, satisfaction, rating, supervised);
        }
    }
}
