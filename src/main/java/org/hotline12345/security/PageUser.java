package org.hotline12345.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hotline12345.common.Labels;
import org.hotline12345.user.Role;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user as the pages show them: name, role in Chinese, and the pages their role has. */
@Named("me")
@RequestScoped
public class PageUser {

    /** A link of the navigation bar. */
    public record Link(String label, String href) {
    }

    @Inject
    SecurityIdentity identity;

    public boolean signedIn() {
        return actor() != null;
    }

    public String displayName() {
        Actor actor = actor();
        return actor == null ? "" : actor.displayName();
    }

    public String username() {
        Actor actor = actor();
        return actor == null ? "" : actor.username();
    }

    public String roleName() {
        Actor actor = actor();
        return actor == null ? "" : Labels.label(actor.role());
    }

    public boolean deskLead() {
        Actor actor = actor();
        return actor != null && actor.role() == Role.DESK_LEAD;
    }

    public List<Link> nav() {
        Actor actor = actor();
        List<Link> links = new ArrayList<>();
        if (actor == null) {
            return links;
        }
        Role role = actor.role();
        if (role == Role.SUPERVISOR) {
            links.add(new Link("班长首页", "/supervisor"));
        }
        if (role == Role.AGENT || role.isDesk() || role == Role.SUPERVISOR) {
            links.add(new Link("坐席工作台", "/agent"));
            // online requests from the portal (intake package)
            links.add(new Link("待受理", "/agent/intake"));
        }
        if (role == Role.AGENT || role == Role.SUPERVISOR || role == Role.ADMIN) {
            links.add(new Link("工单查询", "/hotline/search"));
            links.add(new Link("审批与回访", "/hotline/approvals"));
        }
        // 漏接回拨 (telephony.callback): the missed calls to call back
        if (role == Role.AGENT || role.isDesk() || role == Role.SUPERVISOR) {
            links.add(new Link("漏接回拨", "/agent/missed-calls"));
        }
        if (role == Role.DEPARTMENT_STAFF) {
            links.add(new Link("待办工单", "/department"));
            links.add(new Link("已办工单", "/department/handled"));
            links.add(new Link("常用语", "/department/phrases"));
            // 热点 of the department's categories (hotspot)
            links.add(new Link("本单位热点", "/department/hotspots"));
            // 考核 and its appeals (scorecard)
            links.add(new Link("本单位考核", "/department/scorecard"));
        }
        if (role == Role.SUPERVISOR || role == Role.ADMIN || role == Role.DESK_LEAD) {
            links.add(new Link("实时监控", "/supervisor/wallboard"));
        }
        if (role == Role.SUPERVISOR || role == Role.ADMIN) {
            links.add(new Link("超期看板", "/supervisor/overdue"));
            links.add(new Link("统计分析", "/supervisor/stats"));
            // 部门考核 (scorecard)
            links.add(new Link("部门考核", "/supervisor/scorecards"));
            // the portal's figures: receipts against the 3-minute rule (intake), 好差评 and 差评核实 (rating)
            links.add(new Link("网络诉求时效", "/supervisor/intake"));
            links.add(new Link("好差评", "/hotline/ratings"));
            links.add(new Link("查阅记录", "/supervisor/access-record"));
            // 话务报表 (telephony.report)
            links.add(new Link("话务报表", "/supervisor/call-reports"));
        }
        if (role.isDesk() || role == Role.SUPERVISOR || role == Role.ADMIN) {
            links.add(new Link("涉企台账", "/desk"));
            links.add(new Link("单位问责", "/desk/accountability"));
            links.add(new Link("台账周报", "/desk/reports/weekly"));
        }
        links.add(new Link("知识库", "/knowledge"));
        if (role.proposesKnowledge()) {
            links.add(new Link("单位知识", "/knowledge/department"));
        }
        if (role.editsKnowledge()) {
            links.add(new Link("知识编辑", "/knowledge/editor"));
            links.add(new Link("知识审核", "/knowledge/reviews"));
            links.add(new Link("知识缺口", "/knowledge/gaps"));
        }
        if (role == Role.ADMIN) {
            links.add(new Link("系统管理", "/admin"));
        }
        links.add(new Link("接口文档", "/q/swagger-ui"));
        return links;
    }

    private Actor actor() {
        return identity == null || identity.isAnonymous()
                ? null
                : identity.getAttribute(DatabaseIdentityProvider.ACTOR_ATTRIBUTE);
    }
}
