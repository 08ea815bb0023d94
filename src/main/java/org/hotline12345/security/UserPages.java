package org.hotline12345.security;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
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

import org.hotline12345.common.HotlineException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.Page;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 用户与角色: accounts, their role and department, disabling them and resetting passwords. */
@Path("/admin/users")
@RolesAllowed(Role.Names.ADMIN)
public class UserPages {

    private static final int PAGE_SIZE = 50;
    private static final Map<String, String> LABELS = Map.of("username", "用户名", "displayName", "姓名", "role", "角色",
            "departmentCode", "所属单位", "password", "密码", "active", "状态");

    /** The account form as posted, shown again filled in when it is refused. */
    public static class Form {
        @FormParam("username")
        public String username;
        @FormParam("displayName")
        public String displayName;
        @FormParam("role")
        public String role;
        @FormParam("departmentCode")
        public String departmentCode;
        @FormParam("active")
        public boolean active;
        @FormParam("password")
        public String password;

        static Form of(UserView user) {
            Form form = new Form();
            form.username = user.username();
            form.displayName = user.displayName();
            form.role = user.role().name();
            form.departmentCode = user.department() == null ? null : user.department().code();
            form.active = user.active();
            return form;
        }

        UserRequests.Create create() {
            return new UserRequests.Create(blankToNull(username), password, blankToNull(displayName), role(),
                    blankToNull(departmentCode));
        }

        UserRequests.Update update() {
            return new UserRequests.Update(blankToNull(displayName), role(), blankToNull(departmentCode), active);
        }

        private Role role() {
            return PageForms.option(Role.class, role, LABELS.get("role"));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Page<UserView> users, String q, String role, String department,
                List<Role> roles, List<DepartmentView> departments, Form form, String done, String error);

        static native TemplateInstance user(UserView user, Form form, List<Role> roles,
                List<DepartmentView> departments, String done, String error);
    }

    @Inject
    UserService service;

    @Inject
    DepartmentDirectory directory;

    @Inject
    Validator validator;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("role") String role,
            @QueryParam("department") String department, @QueryParam("page") String page,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        return listPage(q, role, department, QueryParameters.integer("page", page, 0, 0, 100_000), new Form(),
                done, error);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@BeanParam Form form) {
        try {
            UserView created = service.create(PageForms.requireValid(validator, form.create(), UserPages::label));
            return seeOther(created.username(), "已新增用户，请将初始密码告知本人并提醒其登录后修改");
        } catch (HotlineException e) {
            form.password = null;
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(null, null, null, 0, form, null, PageForms.reason(e, UserPages::label))).build();
        }
    }

    @GET
    @Path("/{username}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance user(@PathParam("username") String username, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        UserView user = service.get(username);
        return Templates.user(user, Form.of(user), List.of(Role.values()), directory.all(), done, error);
    }

    @POST
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("username") String username, @BeanParam Form form) {
        UserView user = service.get(username);
        try {
            UserView saved = service.update(username,
                    PageForms.requireValid(validator, form.update(), UserPages::label));
            return seeOther(saved.username(), saved.active() ? "已保存" : "已保存：该账号已停用，无法再登录");
        } catch (HotlineException e) {
            form.username = username;
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(Templates.user(user, form,
                    List.of(Role.values()), directory.all(), null, PageForms.reason(e, UserPages::label))).build();
        }
    }

    /** A new password set by the administrator; it also lifts a lock-out after failed logins. */
    @POST
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("username") String username, @FormParam("password") String password) {
        return PageForms.act("/admin/users/" + username, "已重置密码，登录锁定已解除",
                () -> {
                    service.setPassword(username, PageForms.required("password", password));
                    return null;
                });
    }

    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export() {
        List<List<Object>> rows = service.list().stream()
                .map(u -> List.<Object> of(u.username(), u.displayName(), Labels.label(u.role()),
                        u.department() == null ? "" : u.department().name(), u.active() ? "启用" : "停用",
                        u.createdAt()))
                .toList();
        return Response.ok(Workbooks.table("用户", List.of("用户名", "姓名", "角色", "所属单位", "状态", "创建时间"), rows),
                Workbooks.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"users.xlsx\"").build();
    }

    private TemplateInstance listPage(String q, String role, String department, int page, Form form, String done,
            String error) {
        String text = blankToNull(q);
        Role roleFilter = PageForms.option(Role.class, role, LABELS.get("role"));
        String departmentFilter = blankToNull(department);
        List<UserView> matching = service.list().stream()
                .filter(u -> roleFilter == null || u.role() == roleFilter)
                .filter(u -> departmentFilter == null
                        || (u.department() != null && u.department().code().equals(departmentFilter)))
                .filter(u -> text == null || u.username().contains(text) || u.displayName().contains(text))
                .toList();
        List<UserView> shown = matching.stream().skip((long) page * PAGE_SIZE).limit(PAGE_SIZE).toList();
        return Templates.users(new Page<>(shown, page, PAGE_SIZE, matching.size()), text,
                roleFilter == null ? null : roleFilter.name(), departmentFilter, List.of(Role.values()),
                directory.all(), form, done, error);
    }

    private static Response seeOther(String username, String done) {
        return Response.seeOther(URI.create("/admin/users/" + username + "?done=" + PageForms.encode(done))).build();
    }

    private static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
