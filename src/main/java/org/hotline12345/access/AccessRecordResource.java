package org.hotline12345.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.access.AccessRecordQuery.ReadView;
import org.hotline12345.common.Page;
import org.hotline12345.common.QueryParameters;
import org.hotline12345.common.Workbooks;
import org.hotline12345.user.Role;

/** 个人信息查阅记录 for supervisors and administrators: who saw this citizen, this work order; what this user read. */
@Path("/api/access-record")
@Tag(name = "Access record")
@RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
public class AccessRecordResource {

    @Inject
    AccessRecordQuery query;

    @GET
    @Path("/reads")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who was shown which work order's citizen details, when and where; newest first. Filter by the citizen's phone, a work order, a user and a period")
    public Page<ReadView> reads(@BeanParam AccessRecordFilter filter, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return query.find(filter.filter(), QueryParameters.integer("page", page, 0, 0, 100_000),
                QueryParameters.integer("size", size, 50, 1, 200));
    }

    @GET
    @Path("/reads.xlsx")
    @Produces(Workbooks.MEDIA_TYPE)
    @Operation(summary = "The same reads as an Excel file (at most 10,000 rows)")
    public Response export(@BeanParam AccessRecordFilter filter) {
        return AccessRecordWorkbook.download(query.find(filter.filter(), 0, AccessRecordWorkbook.MAX_ROWS).items());
    }
}
