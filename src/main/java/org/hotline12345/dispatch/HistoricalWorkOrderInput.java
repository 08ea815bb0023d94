package org.hotline12345.dispatch;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A work order of a city's archive, to train the models from.
 *
 * @param externalId its number in the old system; importing it again replaces it
 * @param categoryCode its category, if the archive has one
 * @param departmentCode the department that finally handled it, if the archive has one
 * @param returnedBy departments whose return (退单) of it was approved: taught as not responsible for such requests
 */
public record HistoricalWorkOrderInput(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 10000) String content,
        String categoryCode,
        String departmentCode,
        @Size(max = 10) List<@NotBlank String> returnedBy,
        @Size(max = 50) String district,
        LocalDate registeredOn) {
}
