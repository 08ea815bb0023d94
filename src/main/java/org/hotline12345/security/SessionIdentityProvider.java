package org.hotline12345.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.security.AccountCache.Account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The pages' session: the login form checked the password once and the encrypted cookie names the user and the
 * credential version they signed in with. Each request checks that the user may still sign in and that their
 * credential version has not moved on (logout, a new password, a role or status change end every session), and sees
 * the user's current role.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    @Inject
    AccountCache accounts;

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request,
            AuthenticationRequestContext context) {
        Optional<Account> cached = accounts.cached(request.username());
        if (cached != null) {
            return Uni.createFrom().item(() -> identity(cached, request));
        }
        return context.runBlocking(() -> identity(accounts.load(request.username()), request));
    }

    private static SecurityIdentity identity(Optional<Account> account, SessionAuthenticationRequest request) {
        if (account.isEmpty() || !account.get().active()
                || account.get().credentialVersion() != request.credentialVersion()) {
            throw new AuthenticationFailedException("this session ended");
        }
        return DatabaseIdentityProvider.identityOf(account.get().actor(), request.credentialVersion());
    }
}
