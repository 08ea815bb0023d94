package org.hotline12345.knowledge;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.Page;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.knowledge.KnowledgeViews.ArticleRow;
import org.hotline12345.knowledge.KnowledgeViews.ArticleView;
import org.hotline12345.knowledge.KnowledgeViews.VersionView;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 知识编辑: the editors' list of every article, the form that writes one (a new version on each save, refused over a
 * newer version), withdrawing it, its versions and what agents said of it. A refused form comes back as the editor
 * left it, with the reasons, so that nothing typed is lost.
 */
@Path("/knowledge/editor")
@RolesAllowed({Role.Names.ADMIN, Role.Names.KNOWLEDGE_EDITOR})
public class KnowledgeEditorPages {

    private static final int PAGE_SIZE = 20;
    private static final List<ArticleStatus> STATUSES = List.of(ArticleStatus.values());

    /** A saved version as the history lists it: which fields changed, by whom, when. */
    public record VersionLine(int version, String changes, String changedBy, String role, OffsetDateTime changedAt,
            String note) {
    }

    public record FeedbackLine(String who, boolean helpful, String comment, OffsetDateTime at) {
    }

    /** A save refused because someone saved a newer version after the one the editor started from. */
    public record Conflict(int yours, int newer, String savedBy, OffsetDateTime savedAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<ArticleRow> page, String query, String status,
                List<ArticleStatus> statuses, boolean filtered, String pageLink);

        static native TemplateInstance edit(ArticleForm form, ArticleView article, List<CategoryView> categories,
                List<DepartmentView> departments, List<ArticleStatus> statuses, List<VersionLine> versions,
                List<FeedbackLine> feedback, Map<String, String> problems, String refused, Conflict conflict,
                String done, String error);

        static native TemplateInstance version(String slug, String title, VersionLine line, ArticleContent content,
                String category, String department, int current);
    }

    @Inject
    KnowledgeService articles;

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
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String query, @QueryParam("status") String status,
            @QueryParam("page") String page) {
        String text = blankToNull(query);
        ArticleStatus chosen = blankToNull(status) == null
                ? null
                : QueryParameters.oneEnum("status", status.strip(), ArticleStatus.class);
        Page<ArticleRow> rows = articles.list(text, chosen, QueryParameters.integer("page", page, 0, 0, 100_000),
                PAGE_SIZE);
        String link = (text == null ? "" : "&q=" + PageForms.encode(text))
                + (chosen == null ? "" : "&status=" + chosen.name());
        return Templates.list(rows, text == null ? "" : text, chosen == null ? "" : chosen.name(), STATUSES,
                text != null || chosen != null, link);
    }

    /**
     * 预览: the answer as agents will see it, rendered as their pages render it, for the preview beside the text.
     * Changes nothing.
     */
    @POST
    @Path("/preview")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_HTML)
    public String preview(@Size(max = 20000) String markdown) {
        return Markdown.html(markdown);
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance blank() {
        return form(ArticleForm.blank(articles.today()), null, ArticleForm.problems(), null, null, null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@BeanParam ArticleForm form) {
        return save(null, form);
    }

    @GET
    @Path("/articles/{slug}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance article(@PathParam("slug") String slug, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        return form(ArticleForm.of(articles.find(slug, actor.get())), slug, ArticleForm.problems(), null, done,
                error);
    }

    @POST
    @Path("/articles/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("slug") String slug, @BeanParam ArticleForm form) {
        return save(slug, form);
    }

    /** 下线: archived as a new version, so agents no longer find it; saving it as published brings it back. */
    @POST
    @Path("/articles/{slug}/archive")
    public Response archive(@PathParam("slug") String slug) {
        return PageForms.act(editorPath(slug), "已下线：坐席不再能查到此条目", () -> articles.archive(slug, actor.get()));
    }

    @GET
    @Path("/articles/{slug}/versions/{version}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance version(@PathParam("slug") String slug, @PathParam("version") String version) {
        ArticleView current = articles.find(slug, actor.get());
        VersionView old = articles.version(slug, QueryParameters.integer("version", version, 1, 1, Integer.MAX_VALUE));
        ArticleContent content = old.content();
        return Templates.version(slug, current.title(),
                line(old.version(), old.changedFields(), old.changedBy(), old.changedByRole(), old.changedAt(),
                        old.note()),
                content, categories.byCode(content.categoryCode()).map(CategoryView::path)
                        .orElse(content.categoryCode()),
                departments.byCode(content.departmentCode()).map(DepartmentView::name)
                        .orElse(content.departmentCode()),
                current.version());
    }

    /**
     * Checks the form, then saves it; the form comes back filled in with the reasons when the rules or the service
     * refuse it, or when the article changed since the editor opened it.
     */
    private Response save(String slug, ArticleForm form) {
        boolean creating = slug == null;
        Map<String, String> problems = ArticleForm.problems();
        ArticleRequest request = form.request(creating, problems);
        validator.validate(request).forEach(violation -> ArticleForm.describe(violation, problems));
        if (problems.isEmpty()) {
            try {
                ArticleView saved = creating
                        ? articles.create(request, actor.get())
                        : articles.update(slug, request, actor.get());
                String done = !creating && saved.version() == request.version()
                        ? "没有改动，仍是第 " + saved.version() + " 版"
                        : "已保存（第 " + saved.version() + " 版）";
                return Response.seeOther(URI.create(editorPath(saved.slug()) + "?done=" + PageForms.encode(done)))
                        .build();
            } catch (InvalidFieldException e) {
                ArticleForm.describe(e.violation(), problems);
            } catch (ConflictException e) {
                if (creating) {
                    problems.put("slug", "已被另一条目使用，请换一个");
                    return refused(409, null, form, problems, null);
                }
                ArticleView newer = articles.find(slug, actor.get());
                return refused(409, slug, form, problems, new Conflict(request.version(), newer.version(),
                        newer.updatedBy(), at(newer.updatedAt())));
            }
        }
        return refused(422, slug, form, problems, null);
    }

    private Response refused(int status, String slug, ArticleForm form, Map<String, String> problems,
            Conflict conflict) {
        return Response.status(status).entity(form(form, slug, problems, conflict, null, null))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    private TemplateInstance form(ArticleForm form, String slug, Map<String, String> problems, Conflict conflict,
            String done, String error) {
        ArticleView article = slug == null ? null : articles.find(slug, actor.get());
        List<CategoryView> categoryChoices = choices(categories.all(), c -> c.active() && c.level() >= 2,
                c -> c.code().equals(form.categoryCode));
        List<DepartmentView> departmentChoices = choices(departments.all(), DepartmentView::active,
                d -> d.code().equals(form.departmentCode));
        List<VersionLine> versions = slug == null
                ? List.of()
                : articles.versions(slug).stream().map(v -> line(v.version(), v.changedFields(), v.changedBy(),
                        v.changedByRole(), v.changedAt(), v.note())).toList();
        List<FeedbackLine> feedback = slug == null
                ? List.of()
                : articles.feedback(slug).stream().map(f -> new FeedbackLine(
                        f.displayName() == null ? f.username() : f.displayName(), f.helpful(), f.comment(),
                        at(f.updatedAt()))).toList();
        return Templates.edit(form, article, categoryChoices, departmentChoices, STATUSES, versions, feedback,
                problems, problems.isEmpty() ? null : ArticleForm.summary(problems), conflict, done, error);
    }

    /**
     * What a select offers: the ones that may be chosen, and the one the form holds even where it may no longer be
     * chosen, so that an article under a retired category still shows where it stands.
     */
    private static <T> List<T> choices(List<T> all, Predicate<T> choosable, Predicate<T> held) {
        return all.stream().filter(choosable.or(held)).toList();
    }

    private VersionLine line(int version, List<String> changedFields, String changedBy, String role,
            Instant changedAt, String note) {
        return new VersionLine(version, String.join("、", changedFields.stream().map(ArticleForm::label).toList()),
                changedBy, roleName(role), at(changedAt), note);
    }

    private static String roleName(String role) {
        if (KnowledgeService.SYSTEM.equals(role)) {
            return "系统导入";
        }
        try {
            return Labels.label(Role.valueOf(role));
        } catch (IllegalArgumentException e) {
            return role;
        }
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(calendar.zone()).toOffsetDateTime();
    }

    private static String editorPath(String slug) {
        return "/knowledge/editor/articles/" + slug;
    }
}
