package org.hotline12345.security;

import java.time.Instant;

import org.hotline12345.department.DepartmentView;
import org.hotline12345.user.Role;

/** A user as administrators and the user themself see it; never the password hash. */
public record UserView(String username, String displayName, Role role, DepartmentView department, boolean active,
        Instant createdAt) {
}
