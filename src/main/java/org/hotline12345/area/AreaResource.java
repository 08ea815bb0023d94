package org.hotline12345.area;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline12345.user.Role;

import io.quarkus.security.Authenticated;

/** 行政区划: the districts and streets a work order's place is chosen from. */
@Path("/api/areas")
@Tag(name = "Areas")
@Authenticated
public class AreaResource {

    @Inject
    AreaDirectory areas;

    @GET
    @Operation(summary = "The city's districts (区县), each with its streets and towns (街道/乡镇), in their order")
    public List<DistrictView> list() {
        return areas.all();
    }

    @PUT
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Replace the whole list; work orders keep the names they were registered with")
    public List<DistrictView> replace(@NotNull @Size(max = 500) List<@NotNull @Valid DistrictView> districts) {
        return areas.replace(districts);
    }
}
