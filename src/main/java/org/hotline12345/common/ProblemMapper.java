package org.hotline12345.common;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where errors become HTTP responses: every error is an {@code application/problem+json} document that
 * names what was wrong, which {@link ErrorPages} shows as a page when a person's browser asked; bad input never
 * yields a 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    ErrorPages pages;

    @ServerExceptionMapper
    public Response hotline(HotlineException e, UriInfo uri) {
        return respond(new Problem(e.kind(), titleOf(e.status()), e.status(), e.getMessage(), path(uri))
                .with(e.properties()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(ProblemMapper::violation)
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("请求有误");
        return respond(new Problem("invalid-request", titleOf(400), 400, detail, path(uri))
                .with(Map.of("violations", violations)));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return respond(new Problem("invalid-request", titleOf(400), 400,
                "提交的内容不是有效的 JSON：" + e.getOriginalMessage(), path(uri)));
    }

    /** Listed one by one because Quarkus brings its own mappers for the specific Jackson exceptions. */
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class})
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String rule;
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            rule = "enum";
            message = "须为以下之一：" + List.of(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            rule = TextInput.RULE;
            message = e.getOriginalMessage();
        } else if (e instanceof UnrecognizedPropertyException) {
            rule = "unknown";
            message = "不是可识别的字段";
        } else {
            rule = "type";
            message = e.getOriginalMessage();
        }
        return respond(new Problem("invalid-request", titleOf(400), 400, field + ": " + message, path(uri))
                .with(Map.of("violations", List.of(new Violation(field, rule, message)))));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class, PessimisticLockException.class,
            LockTimeoutException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(new Problem("conflict", titleOf(409), 409,
                "其他人同时修改了此内容，请刷新后重试", path(uri)));
    }

    /** A dependency that did not answer in time (fault tolerance gave up); the client may retry. */
    @ServerExceptionMapper({TimeoutException.class, CircuitBreakerOpenException.class})
    public Response dependencyUnavailable(RuntimeException e, UriInfo uri) {
        return respond(new Problem("unavailable", titleOf(503), 503,
                "所依赖的服务未能及时响应，请稍后重试", path(uri)));
    }

    /**
     * A resource that needs a signed-in user was called without one: for the API a 401 that asks for HTTP Basic
     * credentials; elsewhere the sign-in mechanism's own answer (the pages' login form redirects).
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Uni<Response> unauthorized(RoutingContext context, UriInfo uri) {
        if (context.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().item(Response.status(401).type(Problem.MEDIA_TYPE).entity(bare(401, path(uri)))
                    .header("WWW-Authenticate", "Basic realm=\"" + ConfigProvider.getConfig()
                            .getOptionalValue("quarkus.http.auth.realm", String.class).orElse("Quarkus") + "\"")
                    .build());
        }
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null
                ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context);
        return challenge.onFailure().recoverWithNull().map(data -> {
            Response.ResponseBuilder response = data == null || data.status == 401
                    ? Response.status(401).type(Problem.MEDIA_TYPE).entity(bare(401, path(uri)))
                    : Response.status(data.status);
            if (data != null) {
                data.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            }
            return response.build();
        });
    }

    /** The body could not be read as sent, such as a multipart body cut off before its closing boundary. */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri) {
        LOG.debugf(e, "Unreadable request body");
        return respond(new Problem("invalid-request", titleOf(400), 400, "请求体无法按其内容类型读取：" + e.getMessage(),
                path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("forbidden", titleOf(403), 403, "您的角色无权访问此页面或办理此项", path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        return respond(new Problem(status == 404 ? "not-found" : "http-" + status, titleOf(status), status,
                status == 404 ? "没有这个页面或资源" : ErrorPages.title(status), path(uri)));
    }

    /**
     * RESTEasy throws {@link IllegalArgumentException} for parts of the request it cannot decode: a form body or an
     * address with a {@code %} that starts no escape, a header value of the wrong form. Those are the client's; any
     * other is the service's own and unexpected.
     */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, UriInfo uri) {
        StackTraceElement[] origin = e.getStackTrace();
        if (origin.length > 0 && origin[0].getClassName().startsWith("org.jboss.resteasy.reactive.")) {
            LOG.debugf(e, "Undecodable request");
            return respond(new Problem("invalid-request", titleOf(400), 400, "请求无法解码：" + e.getMessage(),
                    path(uri)));
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        SQLException refused = dataException(e);
        if (refused != null) {
            // PostgreSQL's class 22 (data exception): a value the checks let through but the column cannot hold, such
            // as a NUL character posted in a form field; the transaction rolled back, so nothing was half-saved
            LOG.debugf(e, "Refused data: %s", refused.getMessage());
            return respond(new Problem("invalid-request", titleOf(400), 400,
                    "提交的内容无法按原样保存（"
                            + ("22021".equals(refused.getSQLState()) || "22P05".equals(refused.getSQLState())
                                    ? "含有控制字符"
                                    : "SQLSTATE " + refused.getSQLState())
                            + "）",
                    path(uri)));
        }
        return respond(incident(e, path(uri)));
    }

    /** A failure nobody foresaw: logged in full under a new incident number, which the answer quotes. */
    static Problem incident(Throwable e, String path) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return new Problem("internal", titleOf(500), 500,
                "系统出现意外错误；报告问题时请提供事件编号 " + incident, path);
    }

    private static SQLException dataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return sql;
            }
        }
        return null;
    }

    /**
     * A response that some layer ended as an error without saying why, such as the CSRF filter's 400 or the security
     * layer's 401 challenge, gets the problem document of its status; the headers it set (the challenge) stay.
     */
    @ServerResponseFilter
    public void explainBareErrors(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity()) {
            int status = response.getStatus();
            Problem problem = bare(status, path(request.getUriInfo()));
            response.setEntity(problem, null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    /** The problem document of an error known only by its status, for {@code path}. */
    static Problem bare(int status, String path) {
        return new Problem(kindOf(status), titleOf(status), status, detailOf(status), path);
    }

    private static String kindOf(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            default -> status < 500 ? "http-" + status : "internal";
        };
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "请求不完整或格式不正确（表单提交须带有效的 CSRF 令牌）";
            case 401 -> "请先登录：API 使用 HTTP Basic 认证";
            case 403 -> "您的角色无权执行此操作";
            case 404 -> "没有这个资源";
            case 405 -> "此地址不支持该请求方法";
            case 406 -> "无法以所要求的格式作答";
            case 411 -> "请求体须注明长度（Content-Length），不接受分块传输";
            case 413 -> "请求体超过了允许的大小";
            case 414 -> "请求地址过长；长文本请放在请求体中提交";
            case 415 -> "不支持此请求体格式";
            default -> status < 500 ? "请求未被接受" : "服务器内部错误";
        };
    }

    private Response respond(Problem problem) {
        return pages.respond(problem);
    }

    private static Violation violation(ConstraintViolation<?> violation) {
        String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Violation(fieldOf(violation.getPropertyPath()), rule, violation.getMessage());
    }

    /** {@code register.request.citizen.phone} becomes {@code citizen.phone}: method and parameter are noise here. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    && isBodyParameter(node)) {
                continue;
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** Body parameters are named {@code request} by convention; others (headers, query) keep their name. */
    private static boolean isBodyParameter(Path.Node node) {
        return "request".equals(node.getName());
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /**
     * The path, or none where it cannot be decoded: the very input being refused may be the path (a lone {@code %}).
     */
    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (IllegalArgumentException undecodable) {
            return null;
        }
    }

    static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
    }
}
