package org.hotline12345.department;

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

import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.user.Role;

import io.quarkus.security.Authenticated;

@Path("/api/departments")
@Authenticated
public class DepartmentResource {

    @Inject
    DepartmentDirectory directory;

    @Inject
    DepartmentService service;

    @GET
    public List<DepartmentView> list() {
        return directory.all();
    }

    @GET
    @Path("/{code}")
    public DepartmentView get(@PathParam("code") String code) {
        return directory.byCode(code).orElseThrow(() -> new ResourceNotFoundException("承办单位", code));
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(@NotNull @Valid DepartmentRequest request) {
        DepartmentView created = service.create(request);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Role.Names.ADMIN)
    public DepartmentView update(@PathParam("code") String code, @NotNull @Valid DepartmentRequest request) {
        return service.update(code, request);
    }
}
