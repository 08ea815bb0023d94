package org.hotline12345.scorecard;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.security.Actor;
import org.hotline12345.user.Role;

/**
 * Who may do what with the scorecards, for the API and the pages alike: supervisors (and administrators) see every
 * department's card, department staff their own; department staff appeal their own department's work orders;
 * supervisors decide appeals; administrators set the scoring versions.
 */
final class ScorecardPolicy {

    private ScorecardPolicy() {
    }

    static boolean maySeeAll(Actor actor) {
        return actor.role() == Role.SUPERVISOR || actor.role() == Role.ADMIN;
    }

    static boolean maySee(Actor actor, long departmentId) {
        return maySeeAll(actor) || actor.isDepartmentStaff() && actor.departmentId() == departmentId;
    }

    static boolean mayAppeal(Actor actor) {
        return actor.isDepartmentStaff() && actor.departmentId() != null;
    }

    static boolean mayDecide(Actor actor) {
        return actor.role() == Role.SUPERVISOR;
    }

    static boolean mayEditScoring(Actor actor) {
        return actor.role() == Role.ADMIN;
    }

    static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new ActionForbiddenException("无权" + what);
        }
    }
}
