package org.hotline12345.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.CalendarConfig;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.workorder.DispatchAdvisor;
import org.hotline12345.workorder.Location;

/** Tells the work-order lifecycle what the suggester proposes, and which rule version stands behind a dispatch. */
@ApplicationScoped
public class AutoDispatch implements DispatchAdvisor {

    @Inject
    DispatchSuggester suggester;

    @Inject
    ResponsibilityList responsibilities;

    @Inject
    ModelRegistry models;

    @Inject
    DepartmentDirectory departments;

    @Inject
    DispatchSettings settings;

    @Inject
    CalendarConfig calendar;

    @Override
    public boolean automaticDispatchEnabled() {
        return settings.current().autoDispatch();
    }

    @Override
    public Advice advise(String title, String content, String categoryCode, Location location, Instant at) {
        DispatchSuggestion suggestion = suggester.suggest(title, content, categoryCode, district(location),
                street(location), day(at));
        DispatchSuggestion.Proposal proposal = suggestion.proposal();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("automatic", proposal != null && proposal.automatic());
        models.model(ModelKind.CATEGORY).ifPresent(m -> details.put("categoryModel", m.version()));
        models.model(ModelKind.DEPARTMENT).ifPresent(m -> details.put("departmentModel", m.version()));
        if (!suggestion.responsible()) {
            details.put("review", "确责清单无对应规则，也无属地政府：转热线复核");
        }
        if (proposal == null) {
            return new Advice(null, List.of(), null, false, true, details);
        }
        details.put("suggestedLead", proposal.leadDepartmentCode());
        details.put("confidence", Math.round(proposal.confidence() * 1000) / 1000.0);
        if (proposal.ruleVersionId() != null) {
            describe(proposal.ruleVersionId()).ifPresent(rule -> {
                details.put("rule", "R" + rule.ruleId());
                details.put("ruleVersion", rule.version());
            });
        }
        details.put("explanation", proposal.explanation());
        DepartmentView lead = departments.byCode(proposal.leadDepartmentCode()).orElseThrow();
        return new Advice(lead, proposal.assistingDepartmentCodes().stream()
                .map(code -> departments.byCode(code).orElseThrow()).toList(), proposal.ruleVersionId(),
                proposal.automatic(), !suggestion.responsible(), details);
    }

    @Override
    public Optional<RuleRef> ruleFor(String categoryCode, Location location, Instant at, long leadDepartmentId) {
        return responsibilities.resolve(categoryCode, district(location), street(location), day(at))
                .filter(ResponsibilityList.Responsibility::byRule)
                .filter(responsibility -> responsibility.lead().id() == leadDepartmentId)
                .map(responsibility -> reference(responsibility.rule()));
    }

    @Override
    public Optional<RuleRef> describe(long ruleVersionId) {
        return responsibilities.all().values().stream().flatMap(List::stream)
                .filter(rule -> rule.id() == ruleVersionId).findFirst().map(AutoDispatch::reference);
    }

    private static RuleRef reference(RuleView rule) {
        return new RuleRef(rule.id(), rule.ruleId(), rule.version(), rule.key());
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, calendar.zone());
    }

    private static String district(Location location) {
        return location == null ? null : location.district();
    }

    private static String street(Location location) {
        return location == null ? null : location.street();
    }
}
