package org.hotline12345.dispatch;

import static org.hotline12345.common.TextInput.blankToNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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

import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.FormException;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Page;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.TextInput;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.dispatch.ResponsibilityList.TestResult;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 确责清单: the rules that decide which department a work order goes to, the "该派给谁？" tester that answers as
 * registration would, and CSV import and export. Changing a rule adds a version, so every work order keeps the version
 * that dispatched it.
 */
@Path("/admin/rules")
@RolesAllowed(Role.Names.ADMIN)
public class RulePages {

    private static final int PAGE_SIZE = 100;
    private static final Map<String, String> LABELS = Map.of("categoryCode", "诉求分类", "district", "区县", "street",
            "街道", "leadDepartmentCode", "主办单位", "assistingDepartmentCodes", "协办单位", "level", "办理层级",
            "effectiveFrom", "生效日期", "effectiveTo", "失效日期", "note", "备注");

    /** A rule as its form posts it, shown again filled in when it is refused. */
    public static class Form {
        @FormParam("categoryCode")
        public String categoryCode;
        @FormParam("district")
        public String district;
        @FormParam("street")
        public String street;
        @FormParam("leadDepartmentCode")
        public String leadDepartmentCode;
        @FormParam("assistingDepartmentCodes")
        public List<String> assistingDepartmentCodes;
        @FormParam("level")
        public String level;
        @FormParam("effectiveFrom")
        public String effectiveFrom;
        @FormParam("effectiveTo")
        public String effectiveTo;
        @FormParam("note")
        public String note;

        static Form of(RuleView rule) {
            Form form = new Form();
            form.categoryCode = rule.categoryCode();
            form.district = rule.district();
            form.street = rule.street();
            form.leadDepartmentCode = rule.leadDepartmentCode();
            form.assistingDepartmentCodes = rule.assistingDepartmentCodes();
            form.level = rule.level().name();
            form.effectiveTo = rule.effectiveTo() == null ? null : rule.effectiveTo().toString();
            form.note = rule.note();
            return form;
        }

        /** Whether a department is among the assisting ones, for the form's checkboxes. */
        public boolean assists(String code) {
            return assistingDepartmentCodes != null && assistingDepartmentCodes.contains(code);
        }

        RuleRequest request() {
            return new RuleRequest(blankToNull(categoryCode), blankToNull(district), blankToNull(street),
                    blankToNull(leadDepartmentCode),
                    assistingDepartmentCodes == null
                            ? List.of()
                            : assistingDepartmentCodes.stream().map(c -> blankToNull(c)).filter(Objects::nonNull)
                                    .toList(),
                    PageForms.option(HandlingLevel.class, level, LABELS.get("level")), date("effectiveFrom",
                            effectiveFrom),
                    date("effectiveTo", effectiveTo), blankToNull(note));
        }
    }

    /** What the list's filters and the tester were asked. */
    public record Query(String category, String district, String street, String at, boolean history) {
    }

    private static final Query EVERYTHING = new Query(null, null, null, null, false);

    /** A rule with the names people read beside its codes. */
    public record Row(RuleView rule, String categoryPath, String lead, String assisting, boolean inForce) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(Page<Row> rules, Query query, Query probe, TestResult test,
                RuleImport.Report report, Form form, Choices choices, String done, String error);

        static native TemplateInstance rule(long ruleId, String action, List<Row> versions, Row latest, Form form,
                Choices choices, String today, String done, String error);

        static native TemplateInstance review(RuleReview.Report report, String from, String to, String error);
    }

    /** The options of the forms' selects and lists. */
    public record Choices(List<CategoryView> categories, List<DepartmentView> departments, List<String> districts,
            List<HandlingLevel> levels) {
    }

    @Inject
    ResponsibilityList list;

    @Inject
    RuleService service;

    @Inject
    RuleImport importer;

    @Inject
    CategoryDirectory categories;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CurrentActor actor;

    @Inject
    Validator validator;

    @Inject
    RuleReview reviews;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("category") String category, @QueryParam("district") String district,
            @QueryParam("at") String at, @QueryParam("history") boolean history, @QueryParam("page") String page,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        Query query = new Query(blankToNull(category), blankToNull(district), null, blankToNull(at), history);
        return listPage(query, EVERYTHING, QueryParameters.integer("page", page, 0, 0, 100_000), null, null,
                new Form(), done, error);
    }

    /** 确责清单复核: where practice disagrees with the list, for the period asked (the last 30 days by default). */
    @GET
    @Path("/review")
    @Produces(MediaType.TEXT_HTML)
    public Response review(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = service.today();
        String asked = blankToNull(to) == null ? end.toString() : to.strip();
        String askedFrom = blankToNull(from) == null ? end.minusDays(29).toString() : from.strip();
        try {
            RuleReview.Report report = reviews.review(date("from", askedFrom), date("to", asked));
            return Response.ok(Templates.review(report, askedFrom, asked, null)).build();
        } catch (HotlineException e) {
            return Response.status(e.status())
                    .entity(Templates.review(null, askedFrom, asked, PageForms.reason(e, RulePages::label))).build();
        }
    }

    /** 该派给谁？ answered beside the list, as registration would decide. */
    @GET
    @Path("/test")
    @Produces(MediaType.TEXT_HTML)
    public Response test(@QueryParam("category") String category, @QueryParam("district") String district,
            @QueryParam("street") String street, @QueryParam("date") String date) {
        Query probe = new Query(blankToNull(category), blankToNull(district), blankToNull(street), blankToNull(date),
                false);
        try {
            CategoryView known = category(probe.category());
            LocalDate day = probe.at() == null ? service.today() : date("date", probe.at());
            TestResult result = list.test(known.code(), probe.district(), probe.street(), day);
            // beside the answer, the rules of the category's line that it was chosen from
            Query lineage = new Query(known.code().substring(0, 2), null, null, probe.at(), false);
            return Response.ok(listPage(lineage, probe, 0, result, null, new Form(), null, null)).build();
        } catch (HotlineException e) {
            return Response.status(e.status()).entity(listPage(EVERYTHING, probe, 0, null, null, new Form(), null,
                    PageForms.reason(e, RulePages::label))).build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@BeanParam Form form) {
        try {
            RuleView created = service.create(valid(form), actor.get());
            return seeOther(created.ruleId(), "已新增规则 R" + created.ruleId() + "，自 " + created.effectiveFrom() + " 起生效");
        } catch (HotlineException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(EVERYTHING, EVERYTHING, 0, null, null, form, null,
                            PageForms.reason(e, RulePages::label)))
                    .build();
        }
    }

    /** Bulk import: good rows are kept, bad rows are listed by line with the reason. */
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importFile(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return Response.status(400).entity(listPage(EVERYTHING, EVERYTHING, 0, null, null, new Form(), null,
                    "请选择要导入的 CSV 文件")).build();
        }
        String text;
        try {
            text = TextInput.utf8(Files.readAllBytes(file.uploadedFile()), "file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFieldException e) {
            return Response.status(400).entity(listPage(EVERYTHING, EVERYTHING, 0, null, null, new Form(), null,
                    e.violation().message())).build();
        }
        RuleImport.Report report = importer.importCsv(text, actor.get());
        return Response.ok(listPage(EVERYTHING, EVERYTHING, 0, null, report, new Form(), null, null)).build();
    }

    @GET
    @Path("/R{ruleId}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rule(@PathParam("ruleId") long ruleId, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        List<RuleView> versions = service.versions(ruleId);
        Form form = Form.of(versions.get(versions.size() - 1));
        form.effectiveFrom = service.today().toString();
        return rulePage(ruleId, versions, form, done, error);
    }

    /** A new version from its effective date; the one before ends there. */
    @POST
    @Path("/R{ruleId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response change(@PathParam("ruleId") long ruleId, @BeanParam Form form) {
        List<RuleView> versions = service.versions(ruleId);
        RuleView latest = versions.get(versions.size() - 1);
        form.categoryCode = latest.categoryCode();
        form.district = latest.district();
        form.street = latest.street();
        try {
            RuleView saved = service.change(ruleId, valid(form), actor.get());
            return seeOther(ruleId, "已保存为第 " + saved.version() + " 版，自 " + saved.effectiveFrom() + " 起生效");
        } catch (HotlineException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(rulePage(ruleId, versions, form, null, PageForms.reason(e, RulePages::label))).build();
        }
    }

    @POST
    @Path("/R{ruleId}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("ruleId") long ruleId, @FormParam("on") String on) {
        return PageForms.act("/admin/rules/R" + ruleId, "已终止：自该日起不再按此规则派单",
                () -> service.end(ruleId, date("on", on)));
    }

    private RuleRequest valid(Form form) {
        return PageForms.requireValid(validator, form.request(), RulePages::label);
    }

    private TemplateInstance listPage(Query query, Query probe, int page, TestResult test, RuleImport.Report report,
            Form form,
            String done, String error) {
        LocalDate day = query.at() == null ? service.today() : date("at", query.at());
        List<RuleView> matching = list.rules(query.category(), query.district(), day, query.history());
        List<Row> rows = matching.stream().skip((long) page * PAGE_SIZE).limit(PAGE_SIZE).map(r -> row(r, day))
                .toList();
        return Templates.rules(new Page<>(rows, page, PAGE_SIZE, matching.size()), query, probe, test, report, form,
                choices(), done, error);
    }

    private TemplateInstance rulePage(long ruleId, List<RuleView> versions, Form form, String done, String error) {
        LocalDate today = service.today();
        List<Row> rows = versions.stream().map(r -> row(r, today)).toList();
        return Templates.rule(ruleId, "/admin/rules/R" + ruleId, rows, rows.get(rows.size() - 1), form, choices(),
                today.toString(), done,
                error);
    }

    private Row row(RuleView rule, LocalDate day) {
        return new Row(rule, categories.byCode(rule.categoryCode()).map(CategoryView::path).orElse(rule.categoryCode()),
                name(rule.leadDepartmentCode()),
                String.join("、", rule.assistingDepartmentCodes().stream().map(this::name).toList()),
                rule.inForceOn(day));
    }

    private String name(String departmentCode) {
        return departments.byCode(departmentCode).map(DepartmentView::name).orElse(departmentCode);
    }

    private Choices choices() {
        List<DepartmentView> all = departments.all();
        return new Choices(categories.all().stream().filter(CategoryView::active).toList(),
                all.stream().filter(DepartmentView::active).toList(),
                all.stream().map(DepartmentView::district).filter(Objects::nonNull).distinct().sorted().toList(),
                Arrays.asList(HandlingLevel.values()));
    }

    /** The category the tester was asked about, by name, path or code; a choice among several is the user's. */
    private CategoryView category(String text) {
        List<CategoryView> found = categories.matching(text);
        if (found.isEmpty()) {
            throw new FormException("诉求分类：没有找到“" + Objects.requireNonNullElse(text, "") + "”，请输入分类名称并从列表中选择");
        }
        if (found.size() > 1) {
            throw new FormException("诉求分类：“" + text + "”对应多个分类，请从列表中选择一个："
                    + found.stream().limit(5).map(CategoryView::path).collect(Collectors.joining("；"))
                    + (found.size() > 5 ? " 等 " + found.size() + " 个" : ""));
        }
        return found.get(0);
    }

    private static LocalDate date(String field, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FormException(label(field) + "：请填写形如 2026-12-01 的日期");
        }
    }

    private static String label(String field) {
        String key = field.replaceFirst("\\[.*", "");
        return LABELS.getOrDefault(key, PageForms.fieldLabel(key));
    }

    private static Response seeOther(long ruleId, String done) {
        return Response.seeOther(URI.create("/admin/rules/R" + ruleId + "?done=" + PageForms.encode(done))).build();
    }
}
