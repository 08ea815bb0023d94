package org.hotline12345.workorder;

import java.io.File;
import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.PageForms;
import org.hotline12345.security.Actor;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.workorder.AttachmentService.AttachmentView;
import org.hotline12345.workorder.AttachmentService.StoredFile;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.Authenticated;

/** Files attached to a work order: PDF, PNG, JPEG, DOCX or XLSX, size limited (hotline.attachments.*). */
@Path("/api/work-orders/{number}/attachments")
@Tag(name = "Work orders")
@Authenticated
public class AttachmentResource {

    @Inject
    AttachmentService attachments;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AttachmentView> list(@PathParam("number") String number) {
        return attachments.list(number, actor.get());
    }

    /**
     * The file is the request body and its name a query parameter, as object stores take uploads: the API signs in
     * with HTTP Basic and has no form to carry a CSRF token (the pages upload as forms, with one).
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a file (the body; ?name= its file name): the lead department while it handles the work order, or the hotline")
    public Response attach(@PathParam("number") String number, @QueryParam("name") String name, File body) {
        if (name == null || name.isBlank()) {
            throw InvalidFieldException.malformed("name", "NotBlank", "请以 ?name= 给出文件名");
        }
        AttachmentView view = attachments.attach(number, name, body.toPath(), actor.get());
        return Response.created(URI.create("/api/work-orders/" + number + "/attachments/" + view.id())).entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    public Response download(@PathParam("number") String number, @PathParam("id") long id) {
        return send(attachments.open(number, id, actor.get()));
    }

    /** The file as a download, never shown inline: the browser must not run what a user uploaded. */
    public static Response send(StoredFile file) {
        return Response.ok(file.content(), file.view().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + PageForms.encode(file.view().fileName()).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** A page's upload form's file, attached: the same checks as the API's. */
    public static AttachmentView attachUploaded(AttachmentService attachments, String number, FileUpload file,
            Actor actor) {
        FileUpload upload = uploaded(file);
        return attachments.attach(number, upload.fileName(), upload.uploadedFile(), actor);
    }

    /** The upload of form field {@code file}; a 400 naming it when the form carries none. */
    public static FileUpload uploaded(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw InvalidFieldException.malformed("file", "NotNull", "请选择要上传的文件");
        }
        return file;
    }
}
