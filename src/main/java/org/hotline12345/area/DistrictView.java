package org.hotline12345.area;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A district (区县) of the city with its streets and towns (街道/乡镇), in the order agents pick them from.
 *
 * @param streets the streets' names; the district may have none
 */
public record DistrictView(@NotBlank @Size(max = 50) String name,
        @NotNull @Size(max = 200) List<@NotBlank @Size(max = 50) String> streets) {
}
