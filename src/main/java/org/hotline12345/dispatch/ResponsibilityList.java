package org.hotline12345.dispatch;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.RefreshingValue;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentKind;
import org.hotline12345.department.DepartmentView;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * 确责清单 in memory: every registration asks it, and it changes rarely. Reloaded after changes made here and, for
 * changes made by other instances, at most a minute later.
 */
@ApplicationScoped
public class ResponsibilityList {

    /** Who is responsible for a work order, and why. */
    public record Responsibility(DepartmentView lead, List<DepartmentView> assisting, HandlingLevel level,
            RuleView rule, String explanation) {

        /** Whether the responsibility list decided it, rather than the fallback. */
        public boolean byRule() {
            return rule != null;
        }
    }

    @Inject
    ResponsibilityRuleRepository repository;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    private final RefreshingValue<Map<String, List<RuleView>>> rules = new RefreshingValue<>(Duration.ofSeconds(60),
            this::load);

    /**
     * The responsible departments for a category at a place on a day: the most specific rule in force
     * ({@link RuleResolver}), else the district government of the place; empty when neither exists, which leaves the
     * work order to the hotline's review queue.
     */
    public Optional<Responsibility> resolve(String categoryCode, String district, String street, LocalDate day) {
        Optional<RuleView> rule = RuleResolver.resolve(rules.get(), categoryPath(categoryCode), blankToNull(district),
                blankToNull(street), day);
        if (rule.isPresent()) {
            RuleView found = rule.get();
            return Optional.of(new Responsibility(department(found.leadDepartmentCode()),
                    found.assistingDepartmentCodes().stream().map(this::department).toList(), found.level(), found,
                    "确责清单规则 R" + found.ruleId() + " 第" + found.version() + "版（" + found.key() + "）"));
        }
        return districtGovernment(district).map(government -> new Responsibility(government, List.of(),
                HandlingLevel.DISTRICT, null, "确责清单无对应规则，按属地交" + government.name()));
    }

    /** The answer to "which department?": the responsibility, or nobody (the hotline's review queue). */
    public record TestResult(String categoryCode, String district, String street, LocalDate date, boolean responsible,
            String leadDepartmentCode, String leadDepartmentName, List<String> assistingDepartmentCodes,
            List<String> assistingDepartmentNames, HandlingLevel level, RuleView rule, String explanation) {
    }

    /** What the work order would get: {@link #resolve} for a category known to exist, with the reason in words. */
    public TestResult test(String categoryCode, String district, String street, LocalDate day) {
        return resolve(categoryCode, district, street, day)
                .map(r -> new TestResult(categoryCode, district, street, day, true, r.lead().code(), r.lead().name(),
                        r.assisting().stream().map(DepartmentView::code).toList(),
                        r.assisting().stream().map(DepartmentView::name).toList(), r.level(), r.rule(),
                        r.explanation()))
                .orElseGet(() -> new TestResult(categoryCode, district, street, day, false, null, null, List.of(),
                        List.of(), null, null, "确责清单无对应规则，也无属地政府：转热线复核"));
    }

    /**
     * Rules by category subtree and district, in the order administrators read them: by category, city-wide before
     * district before street.
     *
     * @param categoryPrefix a category code; its subtree's rules are included; {@code null} for all
     * @param district {@code null} for every area
     * @param history every version, withdrawn and ended ones too; otherwise those in force on {@code day}
     */
    public List<RuleView> rules(String categoryPrefix, String district, LocalDate day, boolean history) {
        String prefix = blankToNull(categoryPrefix);
        String area = blankToNull(district);
        return all().values().stream().flatMap(List::stream)
                .filter(rule -> prefix == null || rule.categoryCode().startsWith(prefix))
                .filter(rule -> area == null || area.equals(rule.district()))
                .filter(rule -> history || rule.inForceOn(day))
                .sorted(Comparator.comparing(RuleView::categoryCode).thenComparing(RuleView::areaSpecificity)
                        .thenComparing(RuleView::ruleId).thenComparing(RuleView::version))
                .toList();
    }

    /** Every version of every rule, by category code. */
    public Map<String, List<RuleView>> all() {
        return rules.get();
    }

    /** After any transaction that changed rules, committed or not, the next lookup reads them again. */
    void onRulesChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) RulesChanged event) {
        rules.invalidate();
    }

    private Optional<DepartmentView> districtGovernment(String district) {
        if (district == null || district.isBlank()) {
            return Optional.empty();
        }
        return departments.all().stream()
                .filter(d -> d.kind() == DepartmentKind.DISTRICT_GOVERNMENT && d.active())
                .filter(d -> district.strip().equals(d.district()))
                .findFirst();
    }

    /** The category and its ancestors, the category itself first. */
    List<String> categoryPath(String code) {
        List<String> path = new ArrayList<>();
        CategoryView category = categories.byCode(code).orElse(null);
        while (category != null) {
            path.add(category.code());
            category = category.parentCode() == null ? null : categories.byCode(category.parentCode()).orElse(null);
        }
        return path;
    }

    private DepartmentView department(String code) {
        return departments.byCode(code).orElseThrow();
    }

    private Map<String, List<RuleView>> load() {
        List<ResponsibilityRule> all = QuarkusTransaction.joiningExisting().call(repository::listAll);
        Map<String, List<RuleView>> byCategory = new HashMap<>();
        for (ResponsibilityRule rule : all) {
            RuleView view = view(rule);
            byCategory.computeIfAbsent(view.categoryCode(), c -> new ArrayList<>()).add(view);
        }
        byCategory.replaceAll((code, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(byCategory);
    }

    RuleView view(ResponsibilityRule rule) {
        return new RuleView(rule.getId(), rule.getRuleId(), rule.getVersion(),
                categories.byId(rule.getCategoryId()).orElseThrow().code(), rule.getDistrict(), rule.getStreet(),
                departments.byId(rule.getLeadDepartmentId()).orElseThrow().code(),
                rule.getAssistingDepartmentIds().stream().map(id -> departments.byId(id).orElseThrow().code())
                        .toList(),
                rule.getLevel(), rule.getEffectiveFrom(), rule.getEffectiveTo(), rule.isWithdrawn(), rule.getNote());
    }

}
