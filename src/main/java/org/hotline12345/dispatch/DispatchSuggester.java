package org.hotline12345.dispatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentKind;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.dispatch.DispatchSuggestion.CategoryGuess;
import org.hotline12345.dispatch.DispatchSuggestion.DepartmentGuess;
import org.hotline12345.dispatch.DispatchSuggestion.Proposal;
import org.hotline12345.dispatch.ResponsibilityList.Responsibility;
import org.hotline12345.dispatch.classifier.Prediction;

/**
 * Combines the responsibility list with the two models. The category model says which categories the text is likely
 * about (or the agent has chosen one); the responsibility list says who is responsible for each; so a department's
 * share of the rules is the probability of the categories that make it responsible. The department model says
 * directly, from who handled similar work orders, who is likely. Until a category model is trained, categories are
 * guessed from their names ({@link CategoryNameMatch}). The two are weighed together; without a trained
 * department model the rules decide alone. A fallback to the district government counts half as much as a rule.
 */
@ApplicationScoped
public class DispatchSuggester {

    /** How much a district government found by the fallback counts against a rule that names a department. */
    static final double FALLBACK_TRUST = 0.5;
    private static final int CATEGORIES = 3;
    private static final int DEPARTMENTS = 5;

    @Inject
    ResponsibilityList responsibilities;

    @Inject
    ModelRegistry models;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    DispatchConfig config;

    @Inject
    DispatchSettings settings;

    /**
     * @param categoryCode the category the agent chose, or {@code null} to go by the category model
     */
    public DispatchSuggestion suggest(String title, String content, String categoryCode, String district,
            String street, LocalDate day) {
        String text = (title == null ? "" : title) + "。" + (content == null ? "" : content);
        List<CategoryGuess> guessed = guessCategories(text);
        Map<String, Double> likelyCategories = new LinkedHashMap<>();
        if (categoryCode != null) {
            likelyCategories.put(categoryCode, 1.0);
        } else {
            guessed.forEach(g -> likelyCategories.put(g.code(), g.confidence()));
        }

        Map<String, Double> fromRules = new HashMap<>();
        Map<String, Responsibility> why = new HashMap<>();
        likelyCategories.forEach((code, probability) -> responsibilities.resolve(code, district, street, day)
                .ifPresent(responsibility -> {
                    double share = probability * (responsibility.byRule() ? 1.0 : FALLBACK_TRUST);
                    String lead = responsibility.lead().code();
                    fromRules.merge(lead, share, Double::sum);
                    Responsibility before = why.get(lead);
                    if (before == null || !before.byRule() && responsibility.byRule()) {
                        why.put(lead, responsibility);
                    }
                }));

        Optional<ModelRegistry.LoadedModel> departmentModel = models.model(ModelKind.DEPARTMENT);
        Map<String, Double> fromModel = new HashMap<>();
        departmentModel.ifPresent(model -> model.classifier().predict(text, DEPARTMENTS).stream()
                .filter(p -> departments.byCode(p.label()).filter(DepartmentView::active).isPresent())
                .forEach(p -> fromModel.put(p.label(), p.confidence())));
        double ruleWeight = departmentModel.isPresent() ? config.ruleWeight() : 1.0;

        List<DepartmentGuess> guesses = new ArrayList<>();
        for (String code : union(fromRules, fromModel)) {
            double rules = fromRules.getOrDefault(code, 0.0);
            double model = fromModel.getOrDefault(code, 0.0);
            Responsibility responsibility = why.get(code);
            guesses.add(new DepartmentGuess(code, departments.byCode(code).orElseThrow().name(),
                    ruleWeight * rules + (1 - ruleWeight) * model, rules, model,
                    responsibility == null ? null : responsibility.explanation()));
        }
        guesses.sort(Comparator.comparingDouble(DepartmentGuess::confidence).reversed());
        List<DepartmentGuess> top = guesses.stream().limit(DEPARTMENTS).toList();
        Proposal proposal = top.isEmpty()
                ? null
                : propose(top.get(0), why.get(top.get(0).code()), ruleWeight, departmentModel, categoryCode != null);
        return new DispatchSuggestion(guessed, top, !fromRules.isEmpty(), proposal);
    }

    private List<CategoryGuess> guessCategories(String text) {
        return models.model(ModelKind.CATEGORY)
                .map(model -> model.classifier().predict(text, CATEGORIES).stream()
                        .map(this::category)
                        .flatMap(Optional::stream)
                        .toList())
                .orElseGet(() -> CategoryNameMatch.guess(text, categories.all(), CATEGORIES));
    }

    private Optional<CategoryGuess> category(Prediction prediction) {
        return categories.byCode(prediction.label()).filter(CategoryView::active)
                .map(c -> new CategoryGuess(c.code(), c.name(), c.path(), prediction.confidence()));
    }

    private Proposal propose(DepartmentGuess best, Responsibility responsibility, double ruleWeight,
            Optional<ModelRegistry.LoadedModel> departmentModel, boolean categoryChosen) {
        DepartmentView lead = departments.byCode(best.code()).orElseThrow();
        // only the responsibility list makes a department responsible; a model alone never dispatches
        DispatchSettings.Settings automation = settings.current();
        boolean automatic = automation.autoDispatch() && responsibility != null
                && best.confidence() >= automation.autoDispatchThreshold();
        List<String> parts = new ArrayList<>();
        if (responsibility != null) {
            parts.add(responsibility.explanation() + "：" + (categoryChosen ? "所选分类" : "分类可能性")
                    + format(best.fromRules()) + " × 权重" + format(ruleWeight));
        }
        departmentModel.ifPresent(model -> parts.add("承办单位模型第" + model.version() + "版：" + format(best.fromModel())
                + " × 权重" + format(1 - ruleWeight)));
        parts.add("合计" + format(best.confidence()) + (automatic ? " ≥ " : " < ") + "自动派单阈值"
                + format(automation.autoDispatchThreshold()));
        return new Proposal(lead.code(), lead.name(),
                responsibility == null
                        ? List.of()
                        : responsibility.assisting().stream().map(DepartmentView::code).toList(),
                responsibility != null ? responsibility.level() : levelOf(lead),
                responsibility != null && responsibility.byRule() ? responsibility.rule().id() : null,
                best.confidence(), automatic, String.join("；", parts));
    }

    private static HandlingLevel levelOf(DepartmentView department) {
        return department.kind() == DepartmentKind.DISTRICT_GOVERNMENT
                ? HandlingLevel.DISTRICT
                : department.kind() == DepartmentKind.STREET_OFFICE ? HandlingLevel.STREET : HandlingLevel.CITY;
    }

    private static List<String> union(Map<String, Double> a, Map<String, Double> b) {
        List<String> codes = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(code -> !a.containsKey(code)).forEach(codes::add);
        return codes;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
