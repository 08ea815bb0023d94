package org.hotline12345.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.user.AppUser;
import org.hotline12345.user.AppUserRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks usernames and passwords against the {@code app_user} table, for HTTP Basic and for the login form.
 * <p>
 * A verified login is remembered for {@link SecurityConfig#credentialCacheTtl()} as a keyed digest of the password,
 * never the password itself, because the PBKDF2 hash costs a large fraction of a second by design and Basic sends the
 * password on every request. The lock ({@link LoginThrottle}) is checked before that memory, and a locked username is
 * answered exactly like a wrong password, after the same hash.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Identity attribute holding the {@link Actor}. */
    public static final String ACTOR_ATTRIBUTE = "hotline.actor";
    /** Identity attribute holding the user's credential version, which a page session started now carries. */
    static final String CREDENTIAL_VERSION_ATTRIBUTE = "hotline.credential-version";

    private record Remembered(byte[] digest, SecurityIdentity identity, long expiresAt) {
    }

    @Inject
    AppUserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    SecurityConfig config;

    @Inject
    LoginThrottle throttle;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    /** Verified when the user does not exist, so that unknown names take as long as wrong passwords. */
    private String decoyHash;

    @PostConstruct
    void init() {
        new SecureRandom().nextBytes(key);
        decoyHash = hasher.hash("decoy".toCharArray());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        if (throttle.isLocked(username)) {
            return context.runBlocking(() -> refuseLocked(password));
        }
        byte[] digest = digest(username, password);
        Remembered known = remembered.get(username);
        if (known != null && known.expiresAt() - System.nanoTime() > 0
                && MessageDigest.isEqual(known.digest(), digest)) {
            return Uni.createFrom().item(known.identity());
        }
        return context.runBlocking(() -> verify(username, password, digest));
    }

    /** Forgets remembered logins of a user whose password, role, status or lock changed. */
    void forget(String username) {
        remembered.remove(username);
    }

    void forgetAll() {
        remembered.clear();
    }

    /** Takes as long as a wrong password and fails the same way, so that nobody learns that the name is locked. */
    private SecurityIdentity refuseLocked(char[] password) {
        hasher.verify(password, decoyHash);
        throw new AuthenticationFailedException();
    }

    private SecurityIdentity verify(String username, char[] password, byte[] digest) {
        AppUser user = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(username).orElse(null));
        boolean valid = hasher.verify(password, user == null ? decoyHash : user.getPasswordHash());
        if (user == null || !valid || !user.isActive()) {
            throttle.recordFailure(username);
            throw new AuthenticationFailedException();
        }
        if (throttle.isLocked(username)) {
            // locked by another guess while this one was being hashed
            throw new AuthenticationFailedException();
        }
        throttle.recordSuccess(username);
        SecurityIdentity identity = identityOf(Actor.of(user), user.getCredentialVersion());
        remembered.put(username,
                new Remembered(digest, identity, System.nanoTime() + config.credentialCacheTtl().toNanos()));
        return identity;
    }

    static SecurityIdentity identityOf(Actor actor, long credentialVersion) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(actor.username()))
                .addRole(actor.role().name())
                .addAttribute(ACTOR_ATTRIBUTE, actor)
                .addAttribute(CREDENTIAL_VERSION_ATTRIBUTE, credentialVersion)
                .build();
    }

    private byte[] digest(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            sha.update(bytes);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
