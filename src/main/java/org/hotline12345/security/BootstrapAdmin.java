package org.hotline12345.security;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.user.AppUser;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.Role;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the administrator named by {@code hotline.bootstrap-admin.*} when no user has that name, so that a
 * production deployment can be signed into without demo data. An existing user is never changed.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    @Inject
    BootstrapAdminConfig config;

    @Inject
    AppUserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    SecurityConfig security;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        if (config.username().isPresent()) {
            ensure(config.username().get(), config.password()
                    .orElseThrow(() -> new IllegalStateException("hotline.bootstrap-admin.password is not set")));
        }
    }

    /** Returns whether the administrator was created. */
    @Transactional
    public boolean ensure(String username, String password) {
        if (users.findByUsername(username).isPresent()) {
            return false;
        }
        if (password.length() < security.minimumPasswordLength()) {
            throw new IllegalStateException("hotline.bootstrap-admin.password must have at least "
                    + security.minimumPasswordLength() + " characters");
        }
        users.persist(new AppUser(username, hasher.hash(password.toCharArray()), "管理员", Role.ADMIN, null,
                clock.instant()));
        LOG.infof("Created administrator %s from hotline.bootstrap-admin; change its password after signing in",
                username);
        return true;
    }
}
