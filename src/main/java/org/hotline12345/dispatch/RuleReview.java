package org.hotline12345.dispatch;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.CalendarConfig;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.dispatch.ResponsibilityReview.Finding;
import org.hotline12345.dispatch.ResponsibilityReview.ListAnswer;
import org.hotline12345.workorder.DispatchOutcomes;
import org.hotline12345.workorder.DispatchOutcomes.Outcome;

/**
 * 确责清单复核 for a period: the work orders dispatched in it against the list as it stands today and the department
 * model in use ({@link ResponsibilityReview}), with the names the administrators read.
 */
@ApplicationScoped
public class RuleReview {

    /** The longest period reviewed at once: a quarter. */
    static final int MAX_DAYS = 92;
    /** The department model's answer counts only where it is at least this sure. */
    static final double MODEL_CONFIDENCE = 0.5;

    /** A finding as the page and the API show it. */
    public record Line(String categoryCode, String categoryPath, String district, String listDepartmentCode,
            String listDepartmentName, Long ruleId, int dispatched, int returnsApproved, int endedElsewhere,
            String endedMostlyWith, int modelDisagrees, String modelMostlySays, List<String> examples) {
    }

    /** @param modelVersion the department model's version asked; null where none is trained */
    public record Report(LocalDate from, LocalDate to, int dispatched, Integer modelVersion, List<Line> findings) {
    }

    @Inject
    DispatchOutcomes outcomes;

    @Inject
    ResponsibilityList list;

    @Inject
    ModelRegistry models;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CategoryDirectory categories;

    @Inject
    RuleService rules;

    @Inject
    CalendarConfig calendar;

    public Report review(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidFieldException.malformed("to", "NotBeforeFrom", "不能早于起始日期");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidFieldException.malformed("to", "MaxPeriod", "一次最多复核 " + MAX_DAYS + " 天");
        }
        ZoneId zone = calendar.zone();
        List<Outcome> dispatched = outcomes.firstDispatched(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        LocalDate today = rules.today();
        Optional<ModelRegistry.LoadedModel> model = models.model(ModelKind.DEPARTMENT);
        List<Finding> findings = ResponsibilityReview.review(dispatched,
                outcome -> list.resolve(outcome.categoryCode(), outcome.district(), outcome.street(), today)
                        .map(r -> new ListAnswer(r.lead().code(), r.rule() == null ? null : r.rule().ruleId())),
                outcome -> model.flatMap(m -> m.classifier().predict(outcome.title() + "\n" + outcome.content(), 1)
                        .stream().filter(p -> p.confidence() >= MODEL_CONFIDENCE).findFirst())
                        .map(p -> p.label()));
        return new Report(from, to, dispatched.size(), model.map(ModelRegistry.LoadedModel::version).orElse(null),
                findings.stream().map(this::line).toList());
    }

    private Line line(Finding f) {
        return new Line(f.categoryCode(), categories.byCode(f.categoryCode()).map(CategoryView::path)
                .orElse(f.categoryCode()), f.district(), f.listDepartment(), name(f.listDepartment()), f.ruleId(),
                f.dispatched(), f.returnsApproved(), f.endedElsewhere(), name(f.endedMostlyWith()),
                f.modelDisagrees(), name(f.modelMostlySays()), f.examples());
    }

    private String name(String code) {
        return code == null ? null : departments.byCode(code).map(DepartmentView::name).orElse(code);
    }
}
