package org.hotline12345.deadline;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.deadline.SupervisionViews.CardView;
import org.hotline12345.deadline.SupervisionViews.DepartmentDigest;
import org.hotline12345.deadline.SupervisionViews.OverdueView;
import org.hotline12345.deadline.SupervisionViews.Summary;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.security.Actor;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.security.Authenticated;

/** 红黄牌: cards, overdue clocks and digests. Department staff see their own department only. */
@Path("/api/supervision")
@Tag(name = "Deadline supervision")
@Authenticated
public class SupervisionResource {

    @Inject
    SupervisionQueries queries;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/cards")
    @Operation(summary = "Clocks that carry a yellow or red card (or an escalation), by department, level and clock")
    public List<CardView> cards(@QueryParam("department") String department, @QueryParam("level") String level,
            @QueryParam("clock") String clock, @QueryParam("limit") String limit) {
        return queries.cards(scope(department),
                level == null || level.isBlank() ? null : QueryParameters.oneEnum("level", level, CardLevel.class),
                clock == null || clock.isBlank() ? null : QueryParameters.oneEnum("clock", clock, DeadlineClock.class),
                QueryParameters.integer("limit", limit, 200, 1, 10_000));
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Clocks past their deadline, oldest first, with how long overdue in working days and hours")
    public List<OverdueView> overdue(@QueryParam("department") String department, @QueryParam("limit") String limit) {
        return queries.overdue(scope(department), QueryParameters.integer("limit", limit, 200, 1, 10_000));
    }

    @GET
    @Path("/digest/{department}")
    @Operation(summary = "A department's yellow and red list")
    public DepartmentDigest digest(@PathParam("department") String department) {
        Long id = scope(department);
        if (id == null) {
            throw new ResourceNotFoundException("承办单位", department);
        }
        return queries.digest(id);
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Role.Names.AGENT, Role.Names.DESK, Role.Names.DESK_LEAD, Role.Names.SUPERVISOR, Role.Names.ADMIN})
    @Operation(summary = "Cards per department and the oldest overdue clock of each")
    public Summary summary() {
        return queries.summary();
    }

    /** The department to look at: staff always their own; others the one asked for, or all. */
    private Long scope(String departmentCode) {
        Actor current = actor.get();
        Long asked = departmentCode == null || departmentCode.isBlank()
                ? null
                : departments.byCode(departmentCode.strip()).orElseThrow(() -> InvalidFieldException
                        .malformed("department", "exists", "没有代码为 " + departmentCode + " 的承办单位")).id();
        if (!current.isDepartmentStaff()) {
            return asked;
        }
        if (asked != null && !asked.equals(current.departmentId())) {
            throw new ActionForbiddenException("承办单位只能查看本单位的红黄牌");
        }
        return current.departmentId();
    }
}
