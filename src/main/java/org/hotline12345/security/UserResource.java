package org.hotline12345.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.hotline12345.user.Role;

import io.quarkus.security.Authenticated;

@Path("/api")
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentActor currentActor;

    /** Who am I: the signed-in user, with role and department. */
    @GET
    @Path("/me")
    @Authenticated
    public UserView me() {
        return users.get(currentActor.get().username());
    }

    @PUT
    @Path("/me/password")
    @Authenticated
    public Response changeOwnPassword(@NotNull @Valid UserRequests.ChangeOwnPassword request) {
        users.changeOwnPassword(currentActor.get(), request);
        return Response.noContent().build();
    }

    @GET
    @Path("/users")
    @RolesAllowed(Role.Names.ADMIN)
    public List<UserView> list() {
        return users.list();
    }

    @POST
    @Path("/users")
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(@NotNull @Valid UserRequests.Create request) {
        return Response.status(Response.Status.CREATED).entity(users.create(request)).build();
    }

    @PUT
    @Path("/users/{username}")
    @RolesAllowed(Role.Names.ADMIN)
    public UserView update(@PathParam("username") String username, @NotNull @Valid UserRequests.Update request) {
        return users.update(username, request);
    }

    @PUT
    @Path("/users/{username}/password")
    @RolesAllowed(Role.Names.ADMIN)
    public Response setPassword(@PathParam("username") String username,
            @NotNull @Valid UserRequests.SetPassword request) {
        users.setPassword(username, request.password());
        return Response.noContent().build();
    }
}
