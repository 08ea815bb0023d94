package org.hotline12345.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The first administrator of a production database, which gets no demo users. */
@ConfigMapping(prefix = "hotline.bootstrap-admin")
public interface BootstrapAdminConfig {

    /** Username of an administrator created at startup if no user has that name; nothing happens when unset. */
    Optional<String> username();

    /** That administrator's initial password; change it after the first sign-in. */
    Optional<String> password();
}
