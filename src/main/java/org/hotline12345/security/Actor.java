package org.hotline12345.security;

import org.hotline12345.user.AppUser;
import org.hotline12345.user.Role;

/**
 * The authenticated user on whose behalf something is done; recorded on every history event.
 *
 * @param departmentId the department of department staff, {@code null} for everyone else
 */
public record Actor(long userId, String username, String displayName, Role role, Long departmentId) {

    /** The user as the actor of what they do once signed in. */
    public static Actor of(AppUser user) {
        return new Actor(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
                user.getDepartmentId());
    }

    public boolean isHotline() {
        return role.isHotline();
    }

    public boolean isDepartmentStaff() {
        return role == Role.DEPARTMENT_STAFF;
    }
}
