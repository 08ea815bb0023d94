package org.hotline12345.dispatch;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A rule of the responsibility list as an administrator writes it.
 *
 * @param district leave out for a city-wide rule
 * @param street leave out for a rule of the whole district
 * @param effectiveFrom first day in force; today when left out
 * @param effectiveTo first day no longer in force; open when left out
 */
public record RuleRequest(
        @NotBlank String categoryCode,
        @Size(max = 50) String district,
        @Size(max = 50) String street,
        @NotBlank String leadDepartmentCode,
        @Size(max = 10) List<@NotBlank String> assistingDepartmentCodes,
        @NotNull HandlingLevel level,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @Size(max = 500) String note) {
}
