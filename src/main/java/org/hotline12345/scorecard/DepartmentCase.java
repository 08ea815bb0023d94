package org.hotline12345.scorecard;

import java.time.Instant;

import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.ServiceRating;

/**
 * What a department did with one work order dispatched to it, as replayed from the history.
 *
 * @param dispatchedAt its first dispatch (派单 or 改派) to the department, which puts it in a period
 * @param acceptedOnTime {@code null} while neither accepted nor past the accept deadline, or when returned unaccepted
 * @param repliedOnTime {@code null} while neither replied nor past the reply deadline, or when returned unreplied
 * @param returned whether the department's return (退单) was approved
 * @param replied whether the department replied at least once
 * @param reopened whether it was reopened (重办) to the department after a reply
 * @param resolved the latest callback's answer, {@code null} when none asked
 * @param satisfaction the latest callback's or rating's satisfaction, in three levels
 * @param rating the latest five-level rating (好差评), {@code null} when none
 * @param supervised whether it was supervised (督办, by a supervisor or the deadline supervision) while the department's
 */
public record DepartmentCase(long workOrderId, String number, String title, String departmentCode,
        Instant dispatchedAt, Boolean acceptedOnTime, Boolean repliedOnTime, boolean returned, boolean replied,
        boolean reopened, Boolean resolved, Satisfaction satisfaction, ServiceRating rating, boolean supervised) {

    /**
     * Whether the case is in the indicator's base, and if so whether it counts: {@code null} outside the base.
     */
    public Boolean counts(Indicator indicator) {
        return switch (indicator) {
            case ACCEPTED_ON_TIME -> acceptedOnTime;
            case REPLIED_ON_TIME -> repliedOnTime;
            case RETURNED -> returned;
            case REOPENED -> replied ? reopened : null;
            case RESOLVED -> resolved;
            case SATISFIED -> satisfaction == null ? null : satisfaction != Satisfaction.DISSATISFIED;
            case SUPERVISED -> supervised;
        };
    }
}
