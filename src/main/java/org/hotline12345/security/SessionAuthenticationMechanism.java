package org.hotline12345.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Signs the pages' requests in from the session cookie ({@link Sessions}); a visitor without a valid session is sent to
 * the login page. Selected with {@code auth-mechanism=session} on the pages' paths.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The name permissions select this mechanism by. */
    static final String SCHEME = "session";

    @Inject
    Sessions sessions;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        var session = sessions.current(context);
        if (session.isEmpty()) {
            if (context.request().getCookie(Sessions.COOKIE) != null) {
                sessions.clear(context);
            }
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new SessionAuthenticationRequest(session.get().username(), session.get().credentialVersion()),
                context);
        return identities.authenticate(request)
                .invoke(identity -> sessions.renewIfDue(context, session.get()))
                .onFailure(AuthenticationFailedException.class).recoverWithItem(() -> {
                    // the credentials changed since the session began: as if there were none, and the cookie goes
                    sessions.clear(context);
                    return null;
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, Sessions.COOKIE,
                SCHEME));
    }
}
