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
 * @param parentCode 上级单位, by code; none when absent
 * @param phone 联系电话
 */
public record DepartmentRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "须为 2 到 40 位大写字母、数字或 -") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull DepartmentKind kind,
        @Size(max = 50) String district,
        Boolean active,
        @Size(max = 40) String parentCode,
        @Size(max = 30) @Pattern(regexp = "[0-9+()\\- ]*", message = "须为电话号码") String phone) {
}
