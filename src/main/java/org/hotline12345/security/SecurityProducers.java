package org.hotline12345.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class SecurityProducers {

    @Produces
    @Singleton
    PasswordHasher passwordHasher(SecurityConfig config) {
        return new PasswordHasher(config.passwordIterations());
    }
}
