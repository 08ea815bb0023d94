package org.hotline12345.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotline12345.cluster.ClusterEvents;

import io.quarkus.runtime.StartupEvent;

/**
 * Tells every instance that a user's credentials, role, status or lock changed, so that each forgets what it cached
 * about them (remembered logins, session records, the lock) at once rather than when its cache expires.
 */
@ApplicationScoped
public class AccountEvents implements ClusterEvents.Subscriber {

    /** The PostgreSQL channel; the payload is the username. */
    static final String CHANNEL = "hotline_account";

    @Inject
    ClusterEvents cluster;

    @Inject
    AccountCache accounts;

    @Inject
    DatabaseIdentityProvider identities;

    @Inject
    LoginThrottle throttle;

    void start(@Observes StartupEvent event) {
        cluster.subscribe(CHANNEL, this);
        throttle.reloadAll();
    }

    /**
     * Forgets the user here now and, once the caller's transaction commits, on every instance, this one again (a
     * request between now and the commit may have cached the old state).
     */
    void changed(String username) {
        forget(username);
        cluster.publish(CHANNEL, username);
    }

    @Override
    public void received(String username) {
        forget(username);
        throttle.reload(username);
    }

    @Override
    public void missedMessages() {
        accounts.forgetAll();
        identities.forgetAll();
        throttle.reloadAll();
    }

    private void forget(String username) {
        accounts.forget(username);
        identities.forget(username);
    }
}
