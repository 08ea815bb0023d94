package org.hotline12345.security;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * 登录 and 退出 for the pages. The form posts to Quarkus's {@code j_security_check}, which checks the password against
 * the users table like HTTP Basic does and sets the encrypted session cookie; leaving removes the cookie.
 */
@Path("/")
public class LoginPage {

    /** The cookie Quarkus's form login keeps the session in. */
    static final String SESSION_COOKIE = "quarkus-credential";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);

        static native TemplateInstance home();
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error);
    }

    /**
     * Each role lands on its own work: the desk on its ledger, agents on their desktop, departments on their
     * inbox, supervisors on what waits for them; the others on their pages.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        Actor actor = identity.getAttribute(DatabaseIdentityProvider.ACTOR_ATTRIBUTE);
        if (actor != null && actor.role().isDesk()) {
            return Response.seeOther(URI.create("/desk")).build();
        }
        if (actor != null && actor.role() == Role.AGENT) {
            return Response.seeOther(URI.create("/agent")).build();
        }
        if (actor != null && actor.role() == Role.DEPARTMENT_STAFF) {
            return Response.seeOther(URI.create("/department")).build();
        }
        if (actor != null && actor.role() == Role.ADMIN) {
            return Response.seeOther(URI.create("/admin")).build();
        }
        if (actor != null && actor.role() == Role.SUPERVISOR) {
            return Response.seeOther(URI.create("/supervisor")).build();
        }
        if (actor != null && actor.role() == Role.KNOWLEDGE_EDITOR) {
            return Response.seeOther(URI.create("/knowledge/editor")).build();
        }
        return Response.ok(Templates.home()).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).path("/").maxAge(0).value("").build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
