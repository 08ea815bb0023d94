package org.hotline12345.category;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.TextInput;
import org.hotline12345.user.Role;

import io.quarkus.security.Authenticated;

@Path("/api/categories")
@Authenticated
public class CategoryResource {

    /** @param parentCode leave out for a top-level node */
    public record NewCategory(String parentCode, @NotBlank @Size(max = 100) String name) {
    }

    public record Rename(@NotBlank @Size(max = 100) String name) {
    }

    @Inject
    CategoryDirectory directory;

    @Inject
    CategoryService service;

    /** The taxonomy ordered by code; {@code under} limits it to one subtree, {@code activeOnly} hides retired nodes. */
    @GET
    public List<CategoryView> list(@QueryParam("under") String under, @QueryParam("activeOnly") boolean activeOnly) {
        return directory.all().stream()
                .filter(c -> under == null || c.code().startsWith(under))
                .filter(c -> !activeOnly || c.active())
                .toList();
    }

    @GET
    @Path("/{code}")
    public CategoryView get(@PathParam("code") String code) {
        return directory.byCode(code).orElseThrow(() -> new ResourceNotFoundException("诉求分类", code));
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(@NotNull @Valid NewCategory request) {
        CategoryView created = service.create(request.parentCode() == null || request.parentCode().isBlank()
                ? null
                : request.parentCode().strip(), request.name());
        return Response.created(URI.create("/api/categories/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Role.Names.ADMIN)
    public CategoryView rename(@PathParam("code") String code, @NotNull @Valid Rename request) {
        return service.rename(code, request.name());
    }

    /** Retires the node and its subtree: readable on old work orders, not for new ones. */
    @POST
    @Path("/{code}/retire")
    @RolesAllowed(Role.Names.ADMIN)
    public List<CategoryView> retire(@PathParam("code") String code) {
        return service.retire(code);
    }

    @POST
    @Path("/{code}/restore")
    @RolesAllowed(Role.Names.ADMIN)
    public CategoryView restore(@PathParam("code") String code) {
        return service.restore(code);
    }

    /** Adds a taxonomy given as CSV with the names of its three levels per row; existing nodes are kept. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", "text/plain"})
    @RolesAllowed(Role.Names.ADMIN)
    public CategoryService.ImportReport importNames(byte[] csv) {
        return service.importNames(csv == null ? "" : TextInput.utf8(csv, "body"));
    }
}
