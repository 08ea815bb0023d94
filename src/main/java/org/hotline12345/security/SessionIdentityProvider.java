package org.hotline12345.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * The pages' session: the login form checked the password once and its encrypted cookie names the user; each request
 * reloads the user, so that a user disabled or changed since the login is refused or sees the new role at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    AppUserRepository users;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            AppUser user = QuarkusTransaction.requiringNew()
                    .call(() -> users.findByUsername(request.getPrincipal()).orElse(null));
            if (user == null || !user.isActive()) {
                throw new AuthenticationFailedException("the user of this session no longer signs in");
            }
            return DatabaseIdentityProvider.identityOf(user);
        });
    }
}
