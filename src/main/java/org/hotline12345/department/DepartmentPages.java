package org.hotline12345.department;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
import java.util.List;
import java.util.Map;
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

import org.hotline12345.common.HotlineException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.Workbooks;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 承办单位管理: the departments work orders go to, added, renamed and retired by administrators. */
@Path("/admin/departments")
@RolesAllowed(Role.Names.ADMIN)
public class DepartmentPages {

    private static final Map<String, String> LABELS = Map.of("code", "单位代码", "name", "单位名称", "kind", "单位类型",
            "district", "所属区县", "parentCode", "上级单位", "phone", "联系电话");

    /** The department form as posted, shown again filled in when it is refused. */
    public static class Form {
        @FormParam("code")
        public String code;
        @FormParam("name")
        public String name;
        @FormParam("kind")
        public String kind;
        @FormParam("district")
        public String district;
        @FormParam("active")
        public boolean active;
        @FormParam("parentCode")
        public String parentCode;
        @FormParam("phone")
        public String phone;

        static Form of(DepartmentView department) {
            Form form = new Form();
            form.code = department.code();
            form.name = department.name();
            form.kind = department.kind().name();
            form.district = department.district();
            form.active = department.active();
            form.parentCode = department.parentCode();
            form.phone = department.phone();
            return form;
        }

        DepartmentRequest request(String fixedCode) {
            return new DepartmentRequest(fixedCode != null ? fixedCode : blankToNull(code), blankToNull(name),
                    PageForms.option(DepartmentKind.class, kind, LABELS.get("kind")), blankToNull(district), active,
                    blankToNull(parentCode), blankToNull(phone));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance departments(List<DepartmentView> departments, int total, String q, String kind,
                List<DepartmentKind> kinds, Map<String, String> names, List<DepartmentView> parents, Form form,
                String done, String error);

        static native TemplateInstance department(DepartmentView department, Form form, List<DepartmentKind> kinds,
                List<DepartmentView> parents, String done, String error);
    }

    @Inject
    DepartmentDirectory directory;

    @Inject
    DepartmentService service;

    @Inject
    Validator validator;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("kind") String kind,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        return listPage(q, kind, new Form(), done, error);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@BeanParam Form form) {
        try {
            DepartmentView created = service.create(PageForms.requireValid(validator, form.request(null),
                    DepartmentPages::label));
            return seeOther(created.code(), "已新增单位：" + created.name());
        } catch (HotlineException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(null, null, form, null, PageForms.reason(e, DepartmentPages::label))).build();
        }
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance department(@PathParam("code") String code, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        DepartmentView department = find(code);
        return Templates.department(department, Form.of(department), List.of(DepartmentKind.values()),
                parents(code), done, error);
    }

    @POST
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("code") String code, @BeanParam Form form) {
        DepartmentView department = find(code);
        try {
            DepartmentView saved = service.update(code, PageForms.requireValid(validator, form.request(code),
                    DepartmentPages::label));
            return seeOther(saved.code(), saved.active() ? "已保存" : "已保存：该单位已停用，不再接收新派单");
        } catch (HotlineException e) {
            form.code = code;
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(Templates.department(department,
                    form, List.of(DepartmentKind.values()), parents(code), null,
                    PageForms.reason(e, DepartmentPages::label))).build();
        }
    }

    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export() {
        Map<String, String> names = names();
        List<List<Object>> rows = directory.all().stream()
                .map(d -> List.<Object> of(d.code(), d.name(), Labels.label(d.kind()),
                        d.district() == null ? "" : d.district(),
                        d.parentCode() == null ? "" : names.getOrDefault(d.parentCode(), d.parentCode()),
                        d.phone() == null ? "" : d.phone(), d.active() ? "启用" : "停用"))
                .toList();
        return Response.ok(Workbooks.table("承办单位", List.of("单位代码", "单位名称", "单位类型", "所属区县", "上级单位", "联系电话", "状态"),
                rows),
                Workbooks.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"departments.xlsx\"")
                .build();
    }

    private TemplateInstance listPage(String q, String kind, Form form, String done, String error) {
        String text = blankToNull(q);
        DepartmentKind kindFilter = PageForms.option(DepartmentKind.class, kind, LABELS.get("kind"));
        List<DepartmentView> all = directory.all();
        List<DepartmentView> shown = all.stream()
                .filter(d -> kindFilter == null || d.kind() == kindFilter)
                .filter(d -> text == null || d.name().contains(text) || d.code().contains(text.toUpperCase())
                        || (d.district() != null && d.district().contains(text)))
                .toList();
        return Templates.departments(shown, all.size(), text, kindFilter == null ? null : kindFilter.name(),
                List.of(DepartmentKind.values()), names(), all, form, done, error);
    }

    /** Every unit's name by code, to name parents. */
    private Map<String, String> names() {
        return directory.all().stream().collect(Collectors.toMap(DepartmentView::code, DepartmentView::name));
    }

    /** The units that may be this one's parent: any other. */
    private List<DepartmentView> parents(String code) {
        return directory.all().stream().filter(d -> !d.code().equals(code)).toList();
    }

    private DepartmentView find(String code) {
        return directory.byCode(code).orElseThrow(() -> new ResourceNotFoundException("承办单位", code));
    }

    private static Response seeOther(String code, String done) {
        return Response.seeOther(URI.create("/admin/departments/" + code + "?done=" + PageForms.encode(done))).build();
    }

    private static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
