package org.hotline12345.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline12345.user.Role;

/** Bodies of the user administration endpoints. */
public final class UserRequests {

    private UserRequests() {
    }

    /**
     * @param departmentCode required for department staff, refused for every other role
     */
    public record Create(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}", message = "须为 3 到 40 位小写字母、数字、.、_ 或 -") String username,
            @NotBlank @Size(max = 200) String password,
            @NotBlank @Size(max = 50) String displayName,
            @NotNull Role role,
            String departmentCode) {
    }

    public record Update(
            @NotBlank @Size(max = 50) String displayName,
            @NotNull Role role,
            String departmentCode,
            @NotNull Boolean active) {
    }

    public record SetPassword(@NotBlank @Size(max = 200) String password) {
    }

    public record ChangeOwnPassword(@NotBlank String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }
}
