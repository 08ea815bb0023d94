package org.hotline12345.category;

import static org.hotline12345.common.TextInput.blankToNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import org.hotline12345.common.FormException;
import org.hotline12345.common.HotlineException;
import org.hotline12345.common.PageForms;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.Workbooks;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 诉求分类: the three-level taxonomy as a tree. Codes are given by the service and never change, so old work orders
 * keep their category; retiring hides a node from new work orders only.
 */
@Path("/admin/categories")
@RolesAllowed(Role.Names.ADMIN)
public class CategoryPages {

    private static final int MAX_NAME = 100;

    /** A node with the nodes under it, for the tree. */
    public record Node(CategoryView category, List<Node> children) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance categories(List<Node> tree, List<CategoryView> matches, String q, int total,
                String name, String done, String error);

        static native TemplateInstance category(CategoryView category, List<CategoryView> trail,
                List<CategoryView> children, boolean canHaveChildren, String name, String done, String error);
    }

    @Inject
    CategoryDirectory directory;

    @Inject
    CategoryService service;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        return listPage(q, null, done, error);
    }

    /** A new top-level category. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@FormParam("name") String name) {
        try {
            CategoryView created = service.create(null, name(name));
            return seeOther(created.code(), "已新增一级分类：" + created.name());
        } catch (HotlineException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(null, name, null, PageForms.reason(e, CategoryPages::label))).build();
        }
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance category(@PathParam("code") String code, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        return categoryPage(find(code), null, done, error);
    }

    @POST
    @Path("/{code}/children")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response addChild(@PathParam("code") String code, @FormParam("name") String name) {
        CategoryView parent = find(code);
        try {
            CategoryView created = service.create(code, name(name));
            return seeOther(code, "已新增下级分类：" + created.name() + "（" + created.code() + "）");
        } catch (HotlineException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(categoryPage(parent, name, null, PageForms.reason(e, CategoryPages::label))).build();
        }
    }

    @POST
    @Path("/{code}/name")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("code") String code, @FormParam("name") String name) {
        return PageForms.act(href(code), "已改名：工单上显示新名称，代码不变", () -> service.rename(code, name(name)));
    }

    @POST
    @Path("/{code}/retire")
    public Response retire(@PathParam("code") String code) {
        return PageForms.act(href(code), "已停用：新工单不可再选此分类及其下级，历史工单不受影响", () -> service.retire(code));
    }

    @POST
    @Path("/{code}/restore")
    public Response restore(@PathParam("code") String code) {
        return PageForms.act(href(code), "已恢复（下级分类需逐个恢复）", () -> service.restore(code));
    }

    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export() {
        List<List<Object>> rows = directory.all().stream()
                .map(c -> List.<Object> of(c.code(), c.level(), c.name(), c.path(), c.active() ? "启用" : "停用"))
                .toList();
        return Response.ok(Workbooks.table("诉求分类", List.of("分类代码", "级别", "名称", "完整路径", "状态"), rows),
                Workbooks.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"categories.xlsx\"")
                .build();
    }

    private TemplateInstance listPage(String q, String name, String done, String error) {
        String text = blankToNull(q);
        List<CategoryView> all = directory.all();
        List<CategoryView> matches = text == null
                ? List.of()
                : all.stream().filter(c -> c.path().contains(text) || c.code().startsWith(text)).toList();
        return Templates.categories(text == null ? tree(all) : List.of(), matches, text, all.size(), name, done,
                error);
    }

    private TemplateInstance categoryPage(CategoryView category, String name, String done, String error) {
        List<CategoryView> trail = new ArrayList<>();
        for (String parent = category.parentCode(); parent != null;) {
            CategoryView up = find(parent);
            trail.add(0, up);
            parent = up.parentCode();
        }
        List<CategoryView> children = directory.all().stream()
                .filter(c -> category.code().equals(c.parentCode())).toList();
        return Templates.category(category, trail, children, category.level() < CategoryService.MAX_LEVEL, name,
                done, error);
    }

    /** The taxonomy as nested nodes; {@link CategoryDirectory#all()} puts every parent before its children. */
    static List<Node> tree(List<CategoryView> all) {
        Map<String, Node> byCode = new LinkedHashMap<>();
        List<Node> roots = new ArrayList<>();
        for (CategoryView category : all) {
            Node node = new Node(category, new ArrayList<>());
            byCode.put(category.code(), node);
            Node parent = category.parentCode() == null ? null : byCode.get(category.parentCode());
            (parent == null ? roots : parent.children()).add(node);
        }
        return roots;
    }

    private static String name(String name) {
        String value = blankToNull(name);
        if (value == null) {
            throw new FormException("名称：请填写此项");
        }
        if (value.length() > MAX_NAME) {
            throw new FormException("名称：长度不能超过 " + MAX_NAME);
        }
        return value;
    }

    private static String label(String field) {
        return "parentCode".equals(field) ? "上级分类" : "名称";
    }

    private CategoryView find(String code) {
        return directory.byCode(code).orElseThrow(() -> new ResourceNotFoundException("诉求分类", code));
    }

    private static String href(String code) {
        return "/admin/categories/" + code;
    }

    private static Response seeOther(String code, String done) {
        return Response.seeOther(URI.create(href(code) + "?done=" + PageForms.encode(done))).build();
    }
}
