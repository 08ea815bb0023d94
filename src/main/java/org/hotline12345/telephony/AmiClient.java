package org.hotline12345.telephony;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
import org.asteriskjava.manager.event.FullyBootedEvent;
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
 * The connections to Asterisk's manager interface, one per configured server ({@code hotline.telephony.servers}, or
 * the one of {@code hotline.telephony.ami}). Each logs in when telephony is enabled and keeps trying with a growing
 * wait while its Asterisk is away; once connected, Asterisk-Java itself reconnects after a drop. After every
 * (re)connect, once Asterisk says it is fully booted (its queue members are loaded only then), the server's queue
 * members and waiting callers are read again (QueueStatus) and the calls missed meanwhile reconciled.
 */
@ApplicationScoped
public class AmiClient {

    private static final Logger LOG = Logger.getLogger(AmiClient.class);
    /** The name of the one server of {@code hotline.telephony.ami} when no {@code servers} are configured. */
    public static final String SINGLE_SERVER = "asterisk";
    /** How long after a login to wait for FullyBooted before reading the queues anyway (a user without "system"). */
    private static final long FULLY_BOOTED_WAIT_SECONDS = 15;

    /** Where the connections stand, for health and the status endpoint. */
    public record Status(boolean enabled, boolean connected, Instant since, String asteriskVersion,
            String lastError, int reconnects, List<ServerStatus> servers) {
    }

    /** One server's connection. */
    public record ServerStatus(String name, String address, boolean connected, Instant since, String asteriskVersion,
            String lastError, int reconnects) {
    }

    @Inject
    TelephonyConfig config;

    @Inject
    Switchboard switchboard;

    @Inject
    QueueLogReconciler reconciler;

    @Inject
    AgentService agentService;

    @Inject
    Clock clock;

    private final Map<String, Server> servers = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Telephony is off (hotline.telephony.enabled=false): no Asterisk connection, no FastAGI server");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Switchboard.daemon("ami-connection"));
        running = true;
        TelephonyConfig.Ami ami = config.ami();
        if (config.servers().isEmpty()) {
            servers.put(SINGLE_SERVER, new Server(SINGLE_SERVER, ami.host(), ami.port(), ami.username(),
                    ami.password().orElse("")));
        } else {
            // in name order: status, health and logs list them the same way every time
            new TreeMap<>(config.servers()).forEach((name, server) -> servers.put(name, new Server(name, server.host(),
                    server.port(), server.username().orElse(ami.username()),
                    server.password().orElse(ami.password().orElse("")))));
        }
        servers.values().forEach(Server::start);
        // Asterisk-Java stops reconnecting when a re-login is refused (a changed secret): pick up from there
        scheduler.scheduleWithFixedDelay(() -> servers.values().forEach(Server::watch), 10, 10, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        servers.values().forEach(Server::stop);
    }

    /** Whether at least one server is connected: the service takes calls through it. */
    public boolean connected() {
        return servers.values().stream().anyMatch(server -> server.connected);
    }

    public Status status() {
        List<ServerStatus> each = servers.values().stream().map(Server::status).toList();
        ServerStatus first = each.stream().filter(ServerStatus::connected).findFirst()
                .orElse(each.isEmpty() ? null : each.get(0));
        return new Status(config.enabled(), connected(), first == null ? null : first.since(),
                first == null ? null : first.asteriskVersion(),
                each.stream().map(ServerStatus::lastError).filter(e -> e != null).findFirst().orElse(null),
                each.stream().mapToInt(ServerStatus::reconnects).sum(), each);
    }

    /** The servers connected now, in configuration order. */
    public List<String> connectedServers() {
        return servers.values().stream().filter(server -> server.connected).map(server -> server.name).toList();
    }

    /**
     * The server to act on: the first of {@code preferred} that is connected (the one a call is on, those that reach
     * an agent's phone), else the first connected one.
     *
     * @throws ServiceUnavailableException when none is connected
     */
    public String serverFor(List<String> preferred) {
        requireEnabled();
        List<String> connected = connectedServers();
        return preferred.stream().filter(connected::contains).findFirst().or(() -> connected.stream().findFirst())
                .orElseThrow(() -> new ServiceUnavailableException("Asterisk is not connected" + lastErrorSuffix(),
                        null));
    }

    /**
     * Sends an action to one server and waits for its answer, within the configured time.
     *
     * @throws ServiceUnavailableException when telephony is off, the server is not connected or does not answer
     */
    public ManagerResponse send(String serverName, ManagerAction action) {
        requireEnabled();
        Server server = servers.get(serverName);
        if (server == null) {
            throw new ServiceUnavailableException("No Asterisk server named " + serverName, null);
        }
        return server.send(action);
    }

    /**
     * Sends an action to every connected server (queue membership and pauses are the same on all), answers by
     * server.
     *
     * @throws ServiceUnavailableException when none is connected
     */
    public Map<String, ManagerResponse> sendToAll(ManagerAction action) {
        requireEnabled();
        List<String> connected = connectedServers();
        if (connected.isEmpty()) {
            throw new ServiceUnavailableException("Asterisk is not connected" + lastErrorSuffix(), null);
        }
        Map<String, ManagerResponse> answers = new LinkedHashMap<>();
        for (String name : connected) {
            answers.put(name, servers.get(name).send(action));
        }
        return answers;
    }

    /** Reads a server's queues again now (e.g. when it says a member the board lacks is "already there"). */
    public void resynchronise(String serverName) {
        Server server = servers.get(serverName);
        if (server != null && scheduler != null) {
            scheduler.execute(server::resynchronise);
        }
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw new ServiceUnavailableException("Telephony is not configured (hotline.telephony.enabled=false)",
                    null);
        }
    }

    private String lastErrorSuffix() {
        String error = status().lastError();
        return error == null ? "" : ": " + error;
    }

    /** One Asterisk server's AMI connection. */
    private final class Server {

        final String name;
        final String host;
        final int port;
        final ManagerConnection connection;
        final Backoff backoff = new Backoff(config.ami().retryMin(), config.ami().retryMax(),
                ThreadLocalRandom.current()::nextDouble);
        final AtomicBoolean loginScheduled = new AtomicBoolean();
        volatile boolean connected;
        volatile Instant since;
        volatile String lastError;
        volatile int reconnects;
        private ScheduledFuture<?> fullyBootedFallback;
        /** Asterisk's FullyBooted came with the login, before Asterisk-Java reported the connection. */
        private boolean bootedAtLogin;

        Server(String name, String host, int port, String username, String password) {
            this.name = name;
            this.host = host;
            this.port = port;
            this.connection = new ManagerConnectionFactory(host, port, username, password).createManagerConnection();
            connection.registerUserEventClass(HotlineRecordingEvent.class);
            connection.addEventListener(this::onEvent);
        }

        void start() {
            scheduleLogin(0);
        }

        void stop() {
            if (connection.getState() == ManagerConnectionState.CONNECTED) {
                connection.logoff();
            }
        }

        ServerStatus status() {
            return new ServerStatus(name, host + ":" + port, connected, since,
                    connected && connection.getVersion() != null ? connection.getVersion().toString() : null,
                    lastError, reconnects);
        }

        ManagerResponse send(ManagerAction action) {
            if (!connected) {
                throw new ServiceUnavailableException("Asterisk " + name + " is not connected"
                        + (lastError == null ? "" : ": " + lastError), null);
            }
            try {
                return connection.sendAction(action, config.ami().actionTimeout().toMillis());
            } catch (IOException | TimeoutException | IllegalStateException e) {
                throw new ServiceUnavailableException("Asterisk " + name + " did not answer " + action.getAction(),
                        e);
            }
        }

        private void onEvent(ManagerEvent event) {
            if (event instanceof ConnectEvent) {
                synchronized (this) {
                    connected = true;
                }
                since = clock.instant();
                lastError = null;
                backoff.reset();
                LOG.infof("Connected to Asterisk %s at %s:%d", name, host, port);
                synchronized (this) {
                    if (bootedAtLogin) {
                        bootedAtLogin = false;
                        scheduler.execute(this::resynchronise);
                    } else {
                        fullyBootedFallback = scheduler.schedule(this::resynchronise, FULLY_BOOTED_WAIT_SECONDS,
                                TimeUnit.SECONDS);
                    }
                }
            } else if (event instanceof FullyBootedEvent) {
                // Asterisk sends it at login once booted, or when it finishes booting: its queue members (kept in
                // astdb) are loaded only by then, and a QueueStatus before it reads none
                synchronized (this) {
                    if (!connected) {
                        // the one sent at login is read before Asterisk-Java reports the login done (ConnectEvent),
                        // when no action can be sent yet: the queues are read as soon as it does
                        bootedAtLogin = true;
                        return;
                    }
                    if (fullyBootedFallback != null) {
                        fullyBootedFallback.cancel(false);
                    }
                }
                scheduler.execute(this::resynchronise);
            } else if (event instanceof DisconnectEvent) {
                synchronized (this) {
                    bootedAtLogin = false;
                }
                connected = false;
                since = clock.instant();
                reconnects++;
                LOG.warnf("Lost the connection to Asterisk %s; reconnecting", name);
            } else if (!(event instanceof ResponseEvent) || event instanceof QueueMemberStatusEvent
                    || event instanceof OriginateResponseEvent) {
                // other events answering our own actions (QueueStatus lists) are read where the action was sent
                switchboard.accept(name, event);
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
                LOG.warnf("Cannot log in to Asterisk %s at %s:%d (%s); next attempt in %d ms", name, host, port,
                        lastError, wait);
                scheduleLogin(wait);
            }
        }

        void watch() {
            ManagerConnectionState state = connection.getState();
            if (state == ManagerConnectionState.DISCONNECTED || state == ManagerConnectionState.INITIAL) {
                connected = false;
                scheduleLogin(backoff.next().toMillis());
            }
        }

        void resynchronise() {
            if (!connected) {
                return;
            }
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
                // the agents as the service knew them before this server's report: a server coming back reports what
                // it kept from before it went away (e.g. not paused), which the others and the service have moved past
                Map<String, AgentStatus> before = servers.size() > 1
                        ? switchboard.read((calls, board) -> {
                            Map<String, AgentStatus> byUsername = new LinkedHashMap<>();
                            board.all().forEach(status -> byUsername.put(status.username(), status));
                            return byUsername;
                        })
                        : Map.of();
                switchboard.run(() -> {
                    switchboard.agents().resynchronise(name, members, now);
                    for (QueueEntryEvent entry : entries) {
                        Instant joined = entry.getWait() == null ? now : now.minusSeconds(entry.getWait());
                        switchboard.calls().joined(name, entry.getUniqueId(), entry.getChannel(),
                                entry.getCallerId(), entry.getQueue(), joined);
                    }
                    switchboard.calls().resynchronise(name,
                            entries.stream().map(QueueEntryEvent::getUniqueId).toList(), now);
                });
                LOG.infof("Resynchronised with Asterisk %s: %d queue members, %d waiting callers", name,
                        members.size(), entries.size());
                if (servers.size() > 1) {
                    agentService.reconcileMemberships(name, members, before);
                }
                reconciler.reconcileSoon();
            } catch (IOException | TimeoutException | IllegalStateException | IllegalArgumentException e) {
                LOG.warnf("Could not read the queues of Asterisk %s after connecting: %s", name, e.getMessage());
            }
        }
    }
}
