package org.hotline12345.security;

/**
 * The authenticated user on whose behalf something is done; recorded on every history event.
 *
 * @param departmentId the department of department staff, {@code null} for everyone else
 */
public record Actor(long userId, String username, String displayName, Role role, Long departmentId) {

    public boolean isHotline() {
        return role.isHotline();
    }

    public boolean isDepartmentStaff() {
        return role == Role.DEPARTMENT_STAFF;
    }
}
