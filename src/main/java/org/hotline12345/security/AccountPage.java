package org.hotline12345.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.FormException;
import org.hotline12345.common.PageForms;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/** 我的账号: every user sees their account and changes their own password, e.g. the initial one an administrator set. */
@Path("/account")
@Authenticated
public class AccountPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(UserView user, String done, String error);
    }

    @Inject
    UserService users;

    @Inject
    CurrentActor actor;

    @Inject
    Sessions sessions;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("done") String done, @QueryParam("error") String error) {
        return Templates.account(users.get(actor.get().username()), done, error);
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@FormParam("currentPassword") String current, @FormParam("newPassword") String next,
            @FormParam("repeatPassword") String repeat, @Context RoutingContext context) {
        return PageForms.act("/account", "已修改密码", () -> {
            if (next == null || !next.equals(repeat)) {
                throw new FormException("两次输入的新密码不一致");
            }
            long version = users.changeOwnPassword(actor.get(), new UserRequests.ChangeOwnPassword(
                    PageForms.required("currentPassword", current), PageForms.required("newPassword", next)));
            // every other session of the user ended; this one carries on with the new credentials
            sessions.start(context, actor.get().username(), version);
            return null;
        });
    }
}
