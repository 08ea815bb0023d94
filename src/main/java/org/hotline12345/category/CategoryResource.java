package org.hotline12345.category;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.hotline12345.common.ResourceNotFoundException;

import io.quarkus.security.Authenticated;

@Path("/api/categories")
@Authenticated
public class CategoryResource {

    @Inject
    CategoryDirectory directory;

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
        return directory.byCode(code).orElseThrow(() -> new ResourceNotFoundException("Category", code));
    }
}
