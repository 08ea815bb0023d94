package org.hotline12345.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Actor} behind the current request. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    public Actor get() {
        Actor actor = identity.getAttribute(DatabaseIdentityProvider.ACTOR_ATTRIBUTE);
        if (actor == null) {
            throw new UnauthorizedException();
        }
        return actor;
    }
}
