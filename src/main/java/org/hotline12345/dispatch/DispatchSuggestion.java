package org.hotline12345.dispatch;

import java.util.List;

/**
 * What the service suggests for a work order's text: categories, departments, and the dispatch it proposes, each
 * with its confidence and where that comes from.
 *
 * @param responsible whether a rule, or the fallback to the district government, names someone; if not, the work
 *        order is for the hotline's review queue (the department model may still have a guess)
 * @param proposal the best guess; {@code null} when there is none at all
 */
public record DispatchSuggestion(List<CategoryGuess> categories, List<DepartmentGuess> departments,
        boolean responsible, Proposal proposal) {

    /** A category the category model sees in the text. */
    public record CategoryGuess(String code, String name, String path, double confidence) {
    }

    /**
     * A department that could be responsible.
     *
     * @param fromRules the probability that the responsibility list makes it responsible, over the likely categories
     * @param fromModel the department model's confidence in it
     * @param rule the rule (or fallback) that makes it responsible, in words; {@code null} when only the model says so
     */
    public record DepartmentGuess(String code, String name, double confidence, double fromRules, double fromModel,
            String rule) {
    }

    /**
     * The proposed dispatch.
     *
     * @param ruleVersionId the responsibility rule version behind it, or {@code null}
     * @param automatic whether it is sure enough to dispatch without the agent
     */
    public record Proposal(String leadDepartmentCode, String leadDepartmentName, List<String> assistingDepartmentCodes,
            HandlingLevel level, Long ruleVersionId, double confidence, boolean automatic, String explanation) {
    }
}
