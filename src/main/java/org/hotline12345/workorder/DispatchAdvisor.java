package org.hotline12345.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline12345.department.DepartmentView;

/**
 * What the dispatch feature tells the work-order lifecycle: whom to dispatch a new work order to and how sure it is,
 * and which rule of the responsibility list stands behind a dispatch. Declared here so that work orders do not depend
 * on how dispatch decides.
 */
public interface DispatchAdvisor {

    /**
     * The advice for a work order registered without departments.
     *
     * @param lead the department proposed, {@code null} when there is none
     * @param ruleVersionId the responsibility rule version behind the lead, or {@code null}
     * @param automatic whether it is sure enough to dispatch without the agent
     * @param nobodyResponsible neither a rule nor the fallback names anyone: the hotline's review queue decides
     * @param details what to record on the work order: confidence, rule, explanation
     */
    record Advice(DepartmentView lead, List<DepartmentView> assisting, Long ruleVersionId, boolean automatic,
            boolean nobodyResponsible, Map<String, Object> details) {
    }

    /** A rule version as a work order shows it. */
    record RuleRef(long id, long ruleId, int version, String key) {
    }

    /** Whether work orders registered without departments are to be dispatched automatically at all. */
    boolean automaticDispatchEnabled();

    Advice advise(String title, String content, String categoryCode, Location location, Instant at);

    /** The rule version that makes {@code leadDepartmentId} responsible for the category at the place, if one does. */
    Optional<RuleRef> ruleFor(String categoryCode, Location location, Instant at, long leadDepartmentId);

    Optional<RuleRef> describe(long ruleVersionId);
}
