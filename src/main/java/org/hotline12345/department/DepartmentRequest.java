package org.hotline12345.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates or updates a department.
 *
 * @param code stable identifier used in dispatch rules and the API; ignored on update
 * @param active on update, {@code false} retires the department: it keeps its history but receives nothing new
 */
public record DepartmentRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2-40 upper-case letters, digits or '-'") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull DepartmentKind kind,
        @Size(max = 50) String district,
        Boolean active) {
}
