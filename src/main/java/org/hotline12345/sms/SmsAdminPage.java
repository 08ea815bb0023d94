package org.hotline12345.sms;

import java.util.List;

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

import org.hotline12345.common.Labels;
import org.hotline12345.common.PageForms;
import org.hotline12345.security.CurrentActor;
import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 短信管理: the administrators edit each kind of message's template and see the latest messages and their receipts. */
@Path("/admin/sms")
@RolesAllowed(Role.Names.ADMIN)
public class SmsAdminPage {

    private static final int RECENT = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sms(boolean smsc, List<SmsTemplates.TemplateView> templates,
                List<SmsOutbox.MessageView> messages, String done, String error);
    }

    @Inject
    SmsTemplates templates;

    @Inject
    SmsOutbox outbox;

    @Inject
    SmsSender sender;

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("done") String done, @QueryParam("error") String error) {
        return Templates.sms(sender.reachesSmsc(), templates.all(), outbox.recent(RECENT), done, error);
    }

    @POST
    @Path("/templates/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("kind") SmsKind kind, @FormParam("body") String body) {
        return PageForms.act("/admin/sms", "已保存“" + Labels.label(kind) + "”短信模板",
                () -> {
                    templates.update(kind, body, actor.get());
                    return null;
                });
    }
}
