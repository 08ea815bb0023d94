package org.hotline12345.dispatch;

import static org.hotline12345.common.TextInput.blankToNull;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.CalendarConfig;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.security.Actor;

/**
 * Writes the responsibility list. Every rule is checked before it is saved: known, active category and departments,
 * a known district, a level that fits the area, and no other rule for the same category and area in force at the same
 * time (also enforced by the database). A change is a new version; the version before ends where it begins.
 */
@ApplicationScoped
public class RuleService {

    @Inject
    ResponsibilityRuleRepository repository;

    @Inject
    ResponsibilityList list;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    Event<RulesChanged> changed;

    @Inject
    Clock clock;

    @Inject
    CalendarConfig calendar;

    @Transactional
    public RuleView create(RuleRequest request, Actor actor) {
        Checked checked = check(request);
        ResponsibilityRule rule = insert(repository.nextRuleId(), 1, checked, actor);
        return list.view(rule);
    }

    /** A new version of the rule, in force from the request's date; the versions before end there. */
    @Transactional
    public RuleView change(long ruleId, RuleRequest request, Actor actor) {
        Checked checked = check(request);
        ResponsibilityRule latest = repository.latestForUpdate(ruleId)
                .orElseThrow(() -> new ResourceNotFoundException("确责规则", "R" + ruleId));
        if (latest.getCategoryId() != checked.category().id() || !Objects.equals(latest.getDistrict(),
                checked.district()) || !Objects.equals(latest.getStreet(), checked.street())) {
            throw InvalidFieldException.unacceptable("categoryCode", "sameKey",
                    "新版本须保持原规则的分类和区域；其他分类或区域请新增规则");
        }
        for (ResponsibilityRule version : repository.versions(ruleId)) {
            if (!version.isWithdrawn() && (version.getEffectiveTo() == null
                    || version.getEffectiveTo().isAfter(checked.effectiveFrom()))) {
                version.endOn(checked.effectiveFrom());
            }
        }
        repository.flush();
        ResponsibilityRule rule = insert(ruleId, latest.getVersion() + 1, checked, actor);
        return list.view(rule);
    }

    /** Ends the rule on {@code day} (today when null): from then on it decides nothing. */
    @Transactional
    public List<RuleView> end(long ruleId, LocalDate day) {
        LocalDate end = day != null ? day : today();
        repository.latestForUpdate(ruleId)
                .orElseThrow(() -> new ResourceNotFoundException("确责规则", "R" + ruleId));
        for (ResponsibilityRule version : repository.versions(ruleId)) {
            if (!version.isWithdrawn() && (version.getEffectiveTo() == null || version.getEffectiveTo().isAfter(end))) {
                version.endOn(end);
            }
        }
        changed.fire(new RulesChanged());
        return versions(ruleId);
    }

    @Transactional
    public List<RuleView> versions(long ruleId) {
        List<RuleView> versions = repository.versions(ruleId).stream().map(list::view).toList();
        if (versions.isEmpty()) {
            throw new ResourceNotFoundException("确责规则", "R" + ruleId);
        }
        return versions;
    }

    /** Saves the row of an import: a new version of the rule with the same category and area, or a new rule. */
    @Transactional
    public boolean upsert(RuleRequest request, Actor actor) {
        Checked checked = check(request);
        Optional<ResponsibilityRule> current = repository.latestForKey(checked.category().id(), checked.district(),
                checked.street());
        if (current.isPresent()) {
            change(current.get().getRuleId(), request, actor);
            return false;
        }
        create(request, actor);
        return true;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    private record Checked(CategoryView category, String district, String street, DepartmentView lead,
            List<DepartmentView> assisting, HandlingLevel level, LocalDate effectiveFrom, LocalDate effectiveTo,
            String note) {
    }

    private Checked check(RuleRequest request) {
        CategoryView category = categories.requireActive(request.categoryCode().strip(), "categoryCode");
        String district = blankToNull(request.district());
        String street = blankToNull(request.street());
        if (district != null && departments.all().stream().noneMatch(d -> district.equals(d.district()))) {
            throw InvalidFieldException.unacceptable("district", "exists",
                    "没有单位属于名为 " + district + " 的区县");
        }
        if (street != null && district == null) {
            throw InvalidFieldException.unacceptable("street", "requires", "街道规则须同时填写所属区县");
        }
        if (request.level() == HandlingLevel.STREET && street == null) {
            throw InvalidFieldException.unacceptable("level", "area", "街道级办理须填写街道");
        }
        if (request.level() == HandlingLevel.DISTRICT && district == null) {
            throw InvalidFieldException.unacceptable("level", "area", "区县级办理须填写区县");
        }
        DepartmentView lead = departments.requireActive(request.leadDepartmentCode().strip(), "leadDepartmentCode");
        List<DepartmentView> assisting = new ArrayList<>();
        Set<Long> seen = new HashSet<>(Set.of(lead.id()));
        List<String> codes = request.assistingDepartmentCodes() == null
                ? List.of()
                : request.assistingDepartmentCodes();
        for (int i = 0; i < codes.size(); i++) {
            String field = "assistingDepartmentCodes[" + i + "]";
            DepartmentView department = departments.requireActive(codes.get(i).strip(), field);
            if (!seen.add(department.id())) {
                throw InvalidFieldException.unacceptable(field, "distinct",
                        department.name() + " 已是主办单位或已列为协办");
            }
            assisting.add(department);
        }
        LocalDate from = request.effectiveFrom() != null ? request.effectiveFrom() : today();
        if (request.effectiveTo() != null && !request.effectiveTo().isAfter(from)) {
            throw InvalidFieldException.unacceptable("effectiveTo", "after", "失效日期须晚于生效日期");
        }
        return new Checked(category, district, street, lead, assisting, request.level(), from,
                request.effectiveTo(), blankToNull(request.note()));
    }

    private ResponsibilityRule insert(long ruleId, int version, Checked checked, Actor actor) {
        // the database refuses overlaps too; checked here first to name the rule in the way
        repository.overlapping(checked.category().id(), checked.district(), checked.street(),
                checked.effectiveFrom(), checked.effectiveTo(), ruleId)
                .map(list::view)
                .ifPresent(rule -> {
                    throw new ConflictException("规则 R" + rule.ruleId() + "（第 " + rule.version() + " 版）自 "
                            + rule.effectiveFrom() + (rule.effectiveTo() == null ? "" : " 至 " + rule.effectiveTo())
                            + " 已确定 " + rule.key() + " 的责任单位；请修改该规则，或先将其终止");
                });
        ResponsibilityRule rule = new ResponsibilityRule(ruleId, version, checked.category().id(), checked.district(),
                checked.street(), checked.lead().id(), checked.assisting().stream().map(DepartmentView::id).toList(),
                checked.level(), checked.effectiveFrom(), checked.effectiveTo(), actor.username(), clock.instant(),
                checked.note());
        try {
            repository.persist(rule);
            repository.flush();
        } catch (PersistenceException e) {
            if (isOverlap(e)) {
                throw new ConflictException("同一时间有人为 " + checked.category().code()
                        + " 的同一区域保存了期间重叠的规则；请刷新列表后重试");
            }
            throw e;
        }
        changed.fire(new RulesChanged());
        return rule;
    }

    /** The database's exclusion constraint: two rules for one key in force at once. */
    private static boolean isOverlap(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

}
