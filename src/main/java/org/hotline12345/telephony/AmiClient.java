package org.hotline12345.telephony;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline12345.common.ServiceUnavailableException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The connection to Asterisk's manager interface. Logs in when telephony is enabled and keeps trying with a growing
 * wait while Asterisk is away; once connected, Asterisk-Java itself reconnects after a drop. After every (re)connect
 * the queues' members and waiting callers are read again (QueueStatus), since events were missed meanwhile.
 */
@ApplicationScoped
public class AmiClient {

    private static final Logger LOG = Logger.getLogger(AmiClient.class);

    /** Where the connection stands, for health and the status endpoint. */
    public record Status(boolean enabled, boolean connected, Instant since, String asteriskVersion,
            String lastError, int reconnects) {
    }

    @Inject
    TelephonyConfig config;

    @Inject
    Switchboard switchboard;

    @Inject
    Clock clock;

    private ManagerConnection connection;
    private ScheduledExecutorService scheduler;
    private Backoff backoff;
    private final AtomicBoolean loginScheduled = new AtomicBoolean();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile Instant since;
    private volatile String lastError;
    private volatile int reconnects;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Telephony is off (hotline.telephony.enabled=false): no Asterisk connection, no FastAGI server");
            return;
        }
        TelephonyConfig.Ami ami = config.ami();
        ManagerConnectionFactory factory = new ManagerConnectionFactory(ami.host(), ami.port(), ami.username(),
                ami.password().orElse(""));
        connection = factory.createManagerConnection();
        connection.registerUserEventClass(HotlineRecordingEvent.class);
        connection.addEventListener(this::onEvent);
        backoff = new Backoff(ami.retryMin(), ami.retryMax(), ThreadLocalRandom.current()::nextDouble);
        scheduler = Executors.newSingleThreadScheduledExecutor(Switchboard.daemon("ami-connection"));
        running = true;
        scheduleLogin(0);
        // Asterisk-Java stops reconnecting when a re-login is refused (a changed secret): pick up from there
        scheduler.scheduleWithFixedDelay(this::watch, 10, 10, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
    }

    public boolean connected() {
        return connected;
    }

    public Status status() {
        return new Status(config.enabled(), connected, since,
                connected && connection.getVersion() != null ? connection.getVersion().toString() : null,
                lastError, reconnects);
    }

    /**
     * Sends an action and waits for Asterisk's answer, within the configured time.
     *
     * @throws ServiceUnavailableException when telephony is off, Asterisk is not connected or does not answer
     */
    public ManagerResponse send(ManagerAction action) {
        requireConnected();
        try {
            return connection.sendAction(action, config.ami().actionTimeout().toMillis());
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new ServiceUnavailableException("Asterisk did not answer " + action.getAction(), e);
        }
    }

    private void requireConnected() {
        if (!config.enabled()) {
            throw new ServiceUnavailableException("Telephony is not configured (hotline.telephony.enabled=false)",
                    null);
        }
        if (!connected) {
            throw new ServiceUnavailableException("Asterisk is not connected"
                    + (lastError == null ? "" : ": " + lastError), null);
        }
    }

    private void onEvent(ManagerEvent event) {
        if (event instanceof ConnectEvent) {
            connected = true;
            since = clock.instant();
            lastError = null;
            backoff.reset();
            LOG.infof("Connected to Asterisk at %s:%d", config.ami().host(), config.ami().port());
            scheduler.execute(this::resynchronise);
        } else if (event instanceof DisconnectEvent) {
            connected = false;
            since = clock.instant();
            reconnects++;
            LOG.warn("Lost the connection to Asterisk; reconnecting");
        } else if (!(event instanceof ResponseEvent) || event instanceof QueueMemberStatusEvent
                || event instanceof OriginateResponseEvent) {
            // other events answering our own actions (QueueStatus lists) are read where the action was sent
            switchboard.accept(event);
        }
    }

    private void scheduleLogin(long delayMillis) {
        if (running && loginScheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::login, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void login() {
        loginScheduled.set(false);
        if (!running || connection.getState() == ManagerConnectionState.CONNECTED
                || connection.getState() == ManagerConnectionState.RECONNECTING) {
            return;
        }
        try {
            connection.login();
        } catch (AuthenticationFailedException | TimeoutException | IOException | IllegalStateException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            long wait = backoff.next().toMillis();
            LOG.warnf("Cannot log in to Asterisk at %s:%d (%s); next attempt in %d ms", config.ami().host(),
                    config.ami().port(), lastError, wait);
            scheduleLogin(wait);
        }
    }

    private void watch() {
        ManagerConnectionState state = connection.getState();
        if (state == ManagerConnectionState.DISCONNECTED || state == ManagerConnectionState.INITIAL) {
            connected = false;
            scheduleLogin(backoff.next().toMillis());
        }
    }

    private void resynchronise() {
        try {
            ResponseEvents answer = connection.sendEventGeneratingAction(new QueueStatusAction(),
                    config.ami().actionTimeout().toMillis());
            List<AgentBoard.Membership> members = new ArrayList<>();
            List<QueueEntryEvent> entries = new ArrayList<>();
            for (ResponseEvent event : answer.getEvents()) {
                if (event instanceof QueueMemberEvent member && member.getLocation() != null) {
                    members.add(new AgentBoard.Membership(member.getQueue(), member.getLocation(),
                            member.getMemberName() != null ? member.getMemberName() : member.getName(),
                            member.getStatus() == null ? 0 : member.getStatus(),
                            Boolean.TRUE.equals(member.getPaused()), member.getPausedreason()));
                } else if (event instanceof QueueEntryEvent entry) {
                    entries.add(entry);
                }
            }
            Instant now = clock.instant();
            switchboard.run(() -> {
                switchboard.agents().resynchronise(members, now);
                for (QueueEntryEvent entry : entries) {
                    Instant joined = entry.getWait() == null ? now : now.minusSeconds(entry.getWait());
                    switchboard.calls().joined(entry.getUniqueId(), entry.getChannel(), entry.getCallerId(),
                            entry.getQueue(), joined);
                }
                switchboard.calls().resynchronise(entries.stream().map(QueueEntryEvent::getUniqueId).toList(),
                        now);
            });
            LOG.infof("Resynchronised with Asterisk: %d queue members, %d waiting callers", members.size(),
                    entries.size());
        } catch (IOException | TimeoutException | IllegalStateException | IllegalArgumentException e) {
            LOG.warnf("Could not read the queues after connecting: %s", e.getMessage());
        }
    }
}
