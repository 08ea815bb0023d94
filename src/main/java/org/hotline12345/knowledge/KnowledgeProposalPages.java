package org.hotline12345.knowledge;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.calendar.CalendarConfig;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.knowledge.KnowledgeProposals.Proposal;
import org.hotline12345.knowledge.KnowledgeService.DepartmentArticle;
import org.hotline12345.knowledge.KnowledgeViews.ArticleView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 共建共享 in pages. 单位知识 ({@code /knowledge/department}): department staff see their department's articles and
 * proposals, draft a new article or revise one; 知识审核 ({@code /knowledge/reviews}): editors publish a proposal or
 * send it back with a comment; 知识缺口 ({@code /knowledge/gaps}): what agents searched for without using an article,
 * and the answers given on the call without one.
 */
@Path("/knowledge")
public class KnowledgeProposalPages {

    /** The proposal as a line of a list, in the city's time. */
    public record ProposalLine(long id, String title, String articleSlug, String department,
            ProposalStatus status, String proposedBy, OffsetDateTime proposedAt,
            String reviewComment) {
    }

    /** A search nobody used, its last time in the city's time. */
    public record GapSearch(String text, long times, long readers, long hits, OffsetDateTime lastAt) {
    }

    /** An answer given on the call without an article, in the city's time. */
    public record GapAnswer(String number, String title, String answer, String answeredBy, OffsetDateTime at) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance department(String department, List<DepartmentArticle> articles,
                List<ProposalLine> proposals, String done);

        static native TemplateInstance proposal(ArticleForm form, String articleSlug, Proposal proposal,
                String department, List<CategoryView> categories, Map<String, String> problems, String refused,
                String done);

        static native TemplateInstance reviews(List<ProposalLine> proposals, String done, String error);

        static native TemplateInstance review(Proposal proposal, ArticleView current, String category,
                String done, String error);

        static native TemplateInstance gaps(List<GapSearch> searches, List<GapAnswer> answers, int days);
    }

    @Inject
    KnowledgeProposals proposals;

    @Inject
    KnowledgeService articles;

    @Inject
    KnowledgeGaps gaps;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CalendarConfig calendar;

    @Inject
    Validator validator;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/department")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.DEPARTMENT_STAFF)
    public TemplateInstance department(@QueryParam("done") String done) {
        return Templates.department(ownDepartment().name(), articles.ofDepartment(actor.get()),
                proposals.ofMyDepartment(actor.get()).stream().map(this::line).toList(), done);
    }

    /** The form for a new article, or with {@code article} a revision of it, filled with its current content. */
    @GET
    @Path("/department/proposals/new")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.DEPARTMENT_STAFF)
    public TemplateInstance blank(@QueryParam("article") String article) {
        String slug = blankToNull(article);
        ArticleForm form;
        if (slug == null) {
            form = ArticleForm.blank(articles.today());
            form.departmentCode = ownDepartment().code();
        } else {
            form = ArticleForm.of(articles.forRevision(slug, actor.get()));
            form.note = null;
        }
        return form(form, slug, null, ArticleForm.problems(), null);
    }

    @POST
    @Path("/department/proposals/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.DEPARTMENT_STAFF)
    public Response propose(@FormParam("article") String article, @BeanParam ArticleForm form) {
        return submit(blankToNull(article), null, form);
    }

    @GET
    @Path("/department/proposals/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.DEPARTMENT_STAFF)
    public TemplateInstance proposal(@PathParam("id") String id, @QueryParam("done") String done) {
        Proposal proposal = proposals.get(id(id), actor.get());
        return form(ArticleForm.of(proposal), proposal.articleSlug(), proposal, ArticleForm.problems(), done);
    }

    @POST
    @Path("/department/proposals/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.DEPARTMENT_STAFF)
    public Response revise(@PathParam("id") String id, @BeanParam ArticleForm form) {
        Proposal proposal = proposals.get(id(id), actor.get());
        return submit(proposal.articleSlug(), proposal, form);
    }

    @GET
    @Path("/reviews")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    public TemplateInstance reviews(@QueryParam("done") String done, @QueryParam("error") String error) {
        return Templates.reviews(proposals.awaitingReview().stream().map(this::line).toList(), done, error);
    }

    @GET
    @Path("/reviews/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    public TemplateInstance review(@PathParam("id") String id, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        Proposal proposal = proposals.get(id(id), actor.get());
        ArticleView current = proposal.articleSlug() == null
                ? null
                : articles.find(proposal.articleSlug(),
                        actor.get());
        return Templates.review(proposal, current, categories.byCode(proposal.content().categoryCode())
                .map(CategoryView::path).orElse(proposal.content().categoryCode()), done, error);
    }

    @POST
    @Path("/reviews/{id}/publish")
    @RolesAllowed({Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    public Response publish(@PathParam("id") String id) {
        long proposal = id(id);
        try {
            ArticleView published = proposals.publish(proposal, actor.get());
            return Response.seeOther(URI.create("/knowledge/editor/articles/" + published.slug() + "?done="
                    + PageForms.encode("已发布（第 " + published.version() + " 版），已通知提交单位"))).build();
        } catch (ConflictException e) {
            return Response.seeOther(URI.create("/knowledge/reviews/" + proposal + "?error="
                    + PageForms.encode("未发布：条目在提交后已被修改，请退回提交单位按最新版本修订"))).build();
        }
    }

    @POST
    @Path("/reviews/{id}/send-back")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    public Response sendBack(@PathParam("id") String id, @FormParam("comment") String comment) {
        long proposal = id(id);
        if (blankToNull(comment) == null) {
            return Response.seeOther(URI.create("/knowledge/reviews/" + proposal + "?error="
                    + PageForms.encode("请填写退回意见，说明需要怎样修改"))).build();
        }
        return PageForms.act("/knowledge/reviews", "已退回，已通知提交单位",
                () -> proposals.sendBack(proposal, comment, actor.get()));
    }

    @GET
    @Path("/gaps")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.KNOWLEDGE_EDITOR, Role.Names.ADMIN})
    public TemplateInstance gaps(@QueryParam("days") String days) {
        int within = QueryParameters.integer("days", days, 30, 1, 365);
        KnowledgeGaps.Gaps found = gaps.since(within, 100);
        return Templates.gaps(found.searches().stream().map(g -> new GapSearch(g.text(), g.times(), g.readers(),
                g.hits(), g.lastAt().atZone(calendar.zone()).toOffsetDateTime())).toList(),
                found.answers().stream().map(a -> new GapAnswer(a.number(), a.title(), a.answer(), a.answeredBy(),
                        a.answeredAt().atZone(calendar.zone()).toOffsetDateTime())).toList(),
                within);
    }

    /** Checks the form, then submits it; the form comes back as typed with the reasons when refused. */
    private Response submit(String articleSlug, Proposal existing, ArticleForm form) {
        Map<String, String> problems = ArticleForm.problems();
        // a department proposes; editors choose the status and whether it is public
        form.status = ArticleStatus.DRAFT.name();
        form.departmentCode = ownDepartment().code();
        ArticleRequest request = form.request(true, problems);
        validator.validate(request).forEach(violation -> ArticleForm.describe(violation, problems));
        if (problems.isEmpty()) {
            try {
                Proposal saved = existing == null
                        ? proposals.propose(articleSlug, request, actor.get())
                        : proposals.revise(existing.id(), request, actor.get());
                return Response.seeOther(URI.create("/knowledge/department/proposals/" + saved.id() + "?done="
                        + PageForms.encode("已提交，等待知识库编辑审核"))).build();
            } catch (InvalidFieldException e) {
                ArticleForm.describe(e.violation(), problems);
            } catch (ConflictException e) {
                problems.put("note", "此提交已发布，不能再改；请对条目提交新的修订");
            }
        }
        return Response.status(422).entity(form(form, articleSlug, existing, problems, null))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    private TemplateInstance form(ArticleForm form, String articleSlug, Proposal proposal,
            Map<String, String> problems, String done) {
        List<CategoryView> choices = categories.all().stream()
                .filter(c -> c.active() && c.level() >= 2 || c.code().equals(form.categoryCode)).toList();
        return Templates.proposal(form, articleSlug, proposal, ownDepartment().name(), choices, problems,
                problems.isEmpty() ? null : ArticleForm.summary(problems), done);
    }

    private DepartmentView ownDepartment() {
        Long departmentId = actor.get().departmentId();
        if (departmentId == null) {
            throw new ActionForbiddenException("Only department staff propose articles for their department");
        }
        return departments.byId(departmentId).orElseThrow();
    }

    private ProposalLine line(Proposal proposal) {
        return new ProposalLine(proposal.id(), proposal.content().title(), proposal.articleSlug(),
                proposal.departmentName(), proposal.status(), proposal.proposedBy(),
                proposal.proposedAt().atZone(calendar.zone()).toOffsetDateTime(),
                proposal.reviewComment());
    }

    private static long id(String id) {
        return QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE);
    }
}
