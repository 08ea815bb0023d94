package org.hotline12345.scorecard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.scorecard.ScorecardService.Drill;
import org.hotline12345.scorecard.ScorecardService.Group;
import org.hotline12345.scorecard.ScorecardService.Scorecard;
import org.hotline12345.security.Actor;

/** The scorecards as the actor may see them ({@link ScorecardPolicy}), for the API and the pages. */
@ApplicationScoped
public class ScorecardViews {

    @Inject
    ScorecardService scorecards;

    @Inject
    DepartmentDirectory departments;

    /** Every group for supervisors; for department staff only their department's line, with its place. */
    public Scorecard scorecard(Period period, Actor actor) {
        Scorecard card = scorecards.scorecard(period);
        if (ScorecardPolicy.maySeeAll(actor)) {
            return card;
        }
        ScorecardPolicy.require(actor.isDepartmentStaff(), "查看考核");
        String own = departments.byId(actor.departmentId()).map(DepartmentView::code).orElse("");
        List<Group> groups = card.groups().stream()
                .map(g -> new Group(g.name(), g.rows().stream().filter(r -> r.departmentCode().equals(own)).toList()))
                .filter(g -> !g.rows().isEmpty()).toList();
        return new Scorecard(card.period(), card.label(), card.version(), groups);
    }

    /** A department's figure's work orders; department staff see only their own department's, others a 404. */
    public Drill drill(Period period, String departmentCode, Indicator indicator, Actor actor) {
        DepartmentView department = departments.byCode(departmentCode)
                .filter(d -> ScorecardPolicy.maySee(actor, d.id()))
                .orElseThrow(() -> new ResourceNotFoundException("department", departmentCode));
        return scorecards.drill(period, department.code(), indicator);
    }
}
