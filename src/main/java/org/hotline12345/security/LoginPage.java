package org.hotline12345.security;

import java.net.URI;

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

import org.hotline12345.user.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;

/**
 * 登录 and 退出 for the pages. The login form (with its CSRF token) posts here; the password is checked against the users
 * table as for HTTP Basic, lock included, and a session cookie is set ({@link Sessions}). 退出 ends every session of
 * the user, on every instance.
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);

        static native TemplateInstance home();
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    IdentityProviderManager identities;

    @Inject
    Sessions sessions;

    @Inject
    UserService users;

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

    /** A wrong password, an unknown or disabled user and a locked username all come back the same way. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("j_username") String username, @FormParam("j_password") String password,
            @Context RoutingContext context) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Response.seeOther(URI.create("/login?error=true")).build();
        }
        SecurityIdentity signedIn;
        try {
            signedIn = identities.authenticateBlocking(HttpSecurityUtils.setRoutingContextAttribute(
                    new UsernamePasswordAuthenticationRequest(username, new PasswordCredential(password.toCharArray())),
                    context));
        } catch (AuthenticationFailedException e) {
            return Response.seeOther(URI.create("/login?error=true")).build();
        }
        Long version = signedIn.getAttribute(DatabaseIdentityProvider.CREDENTIAL_VERSION_ATTRIBUTE);
        sessions.start(context, signedIn.getPrincipal().getName(), version);
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context RoutingContext context) {
        if (!identity.isAnonymous()) {
            users.endSessions(identity.getPrincipal().getName());
        }
        sessions.clear(context);
        return Response.seeOther(URI.create("/login")).build();
    }
}
