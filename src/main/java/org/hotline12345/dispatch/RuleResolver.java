package org.hotline12345.dispatch;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the rule of the responsibility list that decides a work order: the most specific one in force. The category
 * decides first: a rule on the work order's own (third-level) category beats one on its parent, which beats one on the
 * top level. Among the rules of the same category, the area decides: a street rule beats a district rule, which beats
 * a city-wide one.
 */
public final class RuleResolver {

    private RuleResolver() {
    }

    /**
     * @param rulesByCategory the rules by category code
     * @param categoryPath the work order's category and its ancestors, the category itself first
     */
    public static Optional<RuleView> resolve(Map<String, List<RuleView>> rulesByCategory, List<String> categoryPath,
            String district, String street, LocalDate day) {
        for (String code : categoryPath) {
            Optional<RuleView> found = rulesByCategory.getOrDefault(code, List.of()).stream()
                    .filter(rule -> rule.inForceOn(day))
                    .filter(rule -> rule.covers(district, street))
                    .max(Comparator.comparingInt(RuleView::areaSpecificity));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
