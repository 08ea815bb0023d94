package org.hotline12345.common;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * Where an error goes: the one place that decides between the problem document and a page. The API ({@code /api},
 * {@code /q}) and the pages' scripts, which ask for JSON, get the {@code application/problem+json} document; a
 * person's browser, which asks for HTML, gets a page in the site's frame that says in Chinese what went wrong and
 * where to go on.
 */
@ApplicationScoped
public class ErrorPages {

    /** What the page calls each kind of error. */
    private static final Map<Integer, String> TITLES = Map.ofEntries(Map.entry(400, "请求有误"),
            Map.entry(401, "请先登录"), Map.entry(403, "无权办理"), Map.entry(404, "没有找到"),
            Map.entry(405, "不支持此操作"), Map.entry(406, "无法提供所要的格式"), Map.entry(409, "当前状态不允许此操作"),
            Map.entry(413, "提交的内容过大"), Map.entry(414, "地址过长"), Map.entry(415, "不支持的内容格式"),
            Map.entry(422, "内容无法受理"), Map.entry(500, "系统出错"), Map.entry(503, "服务暂时不可用"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail, List<String> violations,
                boolean signOut);
    }

    @Inject
    HttpServerRequest request;

    @Inject
    @Named("csrf")
    CsrfTokenParameterProvider csrf;

    /** The problem as the caller wants it: a document for programs, a page for people. */
    public Response respond(Problem problem) {
        if (!forPerson()) {
            return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        List<String> violations = problem.getExtensions().get("violations") instanceof List<?> list
                ? list.stream().filter(Violation.class::isInstance).map(Violation.class::cast)
                        .map(v -> PageForms.fieldLabel(v.field()) + "：" + v.message()).toList()
                : List.of();
        return Response.status(problem.getStatus()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(problem.getStatus(), title(problem.getStatus()),
                        violations.isEmpty() ? problem.getDetail() : null, violations, formTokenMade()))
                .build();
    }

    /** A page request: neither the API nor Quarkus's own endpoints, from a browser that asks for HTML. */
    boolean forPerson() {
        String path = request.path();
        String accept = request.getHeader("Accept");
        return path != null && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/")
                && accept != null && accept.contains(MediaType.TEXT_HTML);
    }

    /** Whether the request got its form token: an error before the CSRF filter ran has none to sign out with. */
    private boolean formTokenMade() {
        try {
            return csrf.getToken() != null;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    static String title(int status) {
        return TITLES.getOrDefault(status, status >= 500 ? "系统出错" : "请求有误");
    }
}
