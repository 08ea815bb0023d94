package org.hotline12345.access;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.access.AccessRecordQuery.ReadView;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Page;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 个人信息查阅记录 as a page with its filters, and as an Excel file. */
@Path("/supervisor/access-record")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class AccessRecordPage {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accessRecord(Page<ReadView> reads, AccessRecordFilter filter, String query,
                boolean countCapped, String error);
    }

    @Inject
    AccessRecordQuery query;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@BeanParam AccessRecordFilter filter, @QueryParam("page") String page) {
        try {
            Page<ReadView> reads = query.find(filter.filter(),
                    QueryParameters.integer("page", page, 0, 0, 100_000), PAGE_SIZE);
            return Response.ok(Templates.accessRecord(reads, filter, filter.query(),
                    reads.total() >= AccessRecordQuery.COUNT_LIMIT, null)).build();
        } catch (InvalidFieldException e) {
            String reason = e.violation().rule().equals("date") ? "不是有效的日期，应如 2026-12-07" : e.violation().message();
            return Response.status(e.status()).entity(Templates.accessRecord(new Page<>(List.of(), 0, PAGE_SIZE, 0),
                    filter, filter.query(), false, label(e.violation().field()) + "：" + reason)).build();
        }
    }

    @GET
    @Path("/export")
    @Produces(Workbooks.MEDIA_TYPE)
    public Response export(@BeanParam AccessRecordFilter filter) {
        return AccessRecordWorkbook.download(query.find(filter.filter(), 0, AccessRecordWorkbook.MAX_ROWS).items());
    }

    private static String label(String field) {
        return switch (field) {
            case "phone" -> "市民电话";
            case "workOrder" -> "工单编号";
            case "user" -> "查阅人";
            case "from" -> "开始日期";
            case "to" -> "结束日期";
            default -> field;
        };
    }
}
