package org.hotline12345.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.hotline12345.workorder.DispatchOutcomes.Outcome;

/**
 * 确责清单复核: where practice disagrees with the responsibility list, so that administrators revise its rules. The
 * dispatched work orders are grouped by category, district and the department the list names for them today; a group
 * is a finding when the first department's return was approved (退单), when the work order ended with a department
 * other than the list's (改派, or dispatched elsewhere by the agent), or when the department model, trained on who
 * finally handled such requests, gives it to another department. Plain Java: the list's and the model's answers come
 * in as functions.
 */
public final class ResponsibilityReview {

    /** Examples kept per finding. */
    static final int EXAMPLES = 3;

    /** The department the list names for a request, and its rule (null for the district government's fallback). */
    public record ListAnswer(String departmentCode, Long ruleId) {
    }

    /**
     * One category and district where practice disagrees with the list.
     *
     * @param listDepartment the list's department today; null where nobody is responsible
     * @param endedMostlyWith the department most of those that ended elsewhere ended with
     * @param modelMostlySays the department the model most often named instead of the list's
     * @param examples work-order numbers that disagree, oldest first
     */
    public record Finding(String categoryCode, String district, String listDepartment, Long ruleId, int dispatched,
            int returnsApproved, int endedElsewhere, String endedMostlyWith, int modelDisagrees,
            String modelMostlySays, List<String> examples) {

        int weight() {
            return returnsApproved + endedElsewhere;
        }
    }

    private ResponsibilityReview() {
    }

    /**
     * @param list the list's answer for an outcome's category and place
     * @param model the department model's answer for a request's text where it is confident; empty otherwise
     */
    public static List<Finding> review(List<Outcome> outcomes, Function<Outcome, Optional<ListAnswer>> list,
            Function<Outcome, Optional<String>> model) {
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            Optional<ListAnswer> answer = list.apply(outcome);
            String listDepartment = answer.map(ListAnswer::departmentCode).orElse(null);
            Group group = groups.computeIfAbsent(
                    Arrays.asList(outcome.categoryCode(), outcome.district(), listDepartment),
                    key -> new Group(outcome.categoryCode(), outcome.district(), listDepartment,
                            answer.map(ListAnswer::ruleId).orElse(null)));
            group.add(outcome, model.apply(outcome).orElse(null));
        }
        return groups.values().stream().map(Group::finding).filter(f -> f.weight() + f.modelDisagrees() > 0)
                .sorted(Comparator.comparingInt(Finding::weight).thenComparingInt(Finding::modelDisagrees).reversed()
                        .thenComparing(Finding::categoryCode)
                        .thenComparing(Finding::district, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private static final class Group {
        private final String categoryCode;
        private final String district;
        private final String listDepartment;
        private final Long ruleId;
        private int dispatched;
        private int returnsApproved;
        private final Map<String, Integer> endedWith = new LinkedHashMap<>();
        private final Map<String, Integer> modelSays = new LinkedHashMap<>();
        private final List<String> examples = new ArrayList<>();

        Group(String categoryCode, String district, String listDepartment, Long ruleId) {
            this.categoryCode = categoryCode;
            this.district = district;
            this.listDepartment = listDepartment;
            this.ruleId = ruleId;
        }

        void add(Outcome outcome, String modelDepartment) {
            dispatched++;
            boolean returned = outcome.approvedReturns() > 0;
            boolean elsewhere = !Objects.equals(outcome.finalLead(), listDepartment);
            boolean modelDisagrees = modelDepartment != null && !modelDepartment.equals(listDepartment);
            if (returned) {
                returnsApproved++;
            }
            if (elsewhere) {
                endedWith.merge(outcome.finalLead(), 1, Integer::sum);
            }
            if (modelDisagrees) {
                modelSays.merge(modelDepartment, 1, Integer::sum);
            }
            if ((returned || elsewhere || modelDisagrees) && examples.size() < EXAMPLES) {
                examples.add(outcome.number());
            }
        }

        Finding finding() {
            return new Finding(categoryCode, district, listDepartment, ruleId, dispatched, returnsApproved,
                    total(endedWith), most(endedWith), total(modelSays), most(modelSays), List.copyOf(examples));
        }

        private static int total(Map<String, Integer> counts) {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The most frequent; the first seen among equals. */
        private static String most(Map<String, Integer> counts) {
            return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }
}
