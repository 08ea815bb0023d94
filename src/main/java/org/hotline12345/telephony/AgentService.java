package org.hotline12345.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.security.Actor;
import org.hotline12345.telephony.TelephonyViews.AgentView;
import org.hotline12345.user.Role;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Agents sign in at a phone and join their queues, pause with a reason and come back, and sign out. Asterisk is asked
 * first and the session recorded after, so a refused or unanswered action leaves nothing half-done behind.
 */
@ApplicationScoped
public class AgentService {

    @Inject
    AmiActions actions;

    @Inject
    TelephonyConfig config;

    @Inject
    Switchboard switchboard;

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    public AgentView login(Actor actor, TelephonyRequests.Login request) {
        requireHotline(actor);
        List<String> queues = queuesFor(actor.role(), request.queues());
        String extension = request.extension();
        AgentSession held = QuarkusTransaction.requiringNew().call(() -> openSessionAt(extension).orElse(null));
        if (held != null && !held.getUsername().equals(actor.username())) {
            throw new ConflictException("Extension " + extension + " is in use by " + held.getUsername());
        }
        Optional<AgentSession> previous = QuarkusTransaction.requiringNew().call(() -> openSession(actor.username()));
        if (previous.isPresent() && !previous.get().getExtension().equals(extension)) {
            leaveQueues(previous.get());
        }
        String device = device(extension);
        for (String queue : queues) {
            actions.addMember(queue, device, actor.username());
        }
        Instant now = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                openSession(actor.username()).ifPresent(session -> session.end(now));
                entityManager.flush();
                entityManager.persist(new AgentSession(actor.username(), extension, queues, now));
            });
        } catch (PersistenceException e) {
            throw new ConflictException("Extension " + extension + " was taken by another agent meanwhile");
        }
        return me(actor);
    }

    public AgentView logout(Actor actor) {
        AgentSession session = QuarkusTransaction.requiringNew().call(() -> openSession(actor.username()))
                .orElseThrow(() -> new ConflictException("Agent " + actor.username() + " is not signed in"));
        leaveQueues(session);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> openSession(actor.username()).ifPresent(s -> s.end(now)));
        return me(actor);
    }

    /** 示忙 with a reason (小休, 培训, …), or back to taking calls. */
    public AgentView pause(Actor actor, boolean paused, String reason) {
        AgentSession session = QuarkusTransaction.requiringNew().call(() -> openSession(actor.username()))
                .orElseThrow(() -> new ConflictException("Agent " + actor.username()
                        + " is not signed in at a phone"));
        actions.pause(device(session.getExtension()), paused, paused ? reason.strip() : null);
        return me(actor);
    }

    public AgentView me(Actor actor) {
        AgentSession session = QuarkusTransaction.requiringNew().call(() -> openSession(actor.username()))
                .orElse(null);
        AgentStatus status = switchboard.read((calls, agents) -> agents.byUsername(actor.username()));
        return view(actor.username(), session, status);
    }

    /** Every agent signed in or known to the queues, for supervisors. */
    public List<AgentView> all() {
        Map<String, AgentSession> sessions = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from AgentSession where loggedOutAt is null order by username", AgentSession.class)
                .getResultList()).forEach(session -> sessions.put(session.getUsername(), session));
        Map<String, AgentStatus> statuses = new LinkedHashMap<>();
        switchboard.read((calls, agents) -> agents.all()).forEach(status -> {
            if (status.username() != null) {
                statuses.put(status.username(), status);
            }
        });
        List<AgentView> all = new ArrayList<>();
        sessions.forEach((username, session) -> all.add(view(username, session, statuses.remove(username))));
        statuses.forEach((username, status) -> all.add(view(username, null, status)));
        return all;
    }

    /** The extension the agent is signed in at. */
    public Optional<String> extensionOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> openSession(username)).map(AgentSession::getExtension);
    }

    /**
     * Several servers: one that was away while agents signed in or out has the wrong members. It gets those of the
     * agents signed in now (paused as they were before its report, {@code before}) and loses the others, so that a call
     * reaching it finds the same agents as the other servers.
     */
    void reconcileMemberships(String server, List<AgentBoard.Membership> reported, Map<String, AgentStatus> before) {
        List<AgentSession> open = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from AgentSession where loggedOutAt is null", AgentSession.class).getResultList());
        Map<String, AgentSession> byDevice = new LinkedHashMap<>();
        open.forEach(session -> byDevice.put(device(session.getExtension()), session));
        for (AgentBoard.Membership member : reported) {
            AgentSession session = byDevice.get(member.device());
            if (session == null || !session.getQueues().contains(member.queue())) {
                actions.removeMemberOn(server, member.queue(), member.device());
            }
        }
        for (AgentSession session : open) {
            String device = device(session.getExtension());
            AgentStatus status = before.get(session.getUsername());
            boolean paused = status != null && status.state() == AgentState.PAUSED;
            for (String queue : session.getQueues()) {
                AgentBoard.Membership there = reported.stream()
                        .filter(member -> member.device().equals(device) && member.queue().equals(queue)).findFirst()
                        .orElse(null);
                if (there == null) {
                    actions.addMemberOn(server, queue, device, session.getUsername(), paused,
                            paused ? status.pauseReason() : null);
                } else if (status != null && there.paused() != paused) {
                    // paused or back while this server was away
                    actions.pauseOn(server, device, paused, paused ? status.pauseReason() : null);
                }
            }
        }
    }

    String device(String extension) {
        return config.dialplan().technology() + "/" + extension;
    }

    private void leaveQueues(AgentSession session) {
        for (String queue : session.getQueues()) {
            actions.removeMember(queue, device(session.getExtension()));
        }
    }

    private AgentView view(String username, AgentSession session, AgentStatus status) {
        AgentState state = status != null ? status.state() : session != null ? AgentState.READY : AgentState.LOGGED_OUT;
        List<String> queues = status != null
                ? List.copyOf(status.queues())
                : session != null ? session.getQueues() : List.of();
        Instant since = status != null ? status.since() : session != null ? session.getLoggedInAt() : null;
        return new AgentView(username, session == null ? null : session.getExtension(), queues, state,
                status == null ? null : status.pauseReason(),
                since == null ? null : since.atZone(calendar.zone()).toOffsetDateTime(),
                status == null ? null : status.callId());
    }

    private List<String> queuesFor(Role role, List<String> asked) {
        List<String> allowed = switch (role) {
            case DESK, DESK_LEAD -> List.of(config.queues().desk(), config.queues().hotline());
            default -> List.of(config.queues().hotline(), config.queues().desk());
        };
        if (asked == null || asked.isEmpty()) {
            return role.isDesk() ? List.of(config.queues().desk()) : List.of(config.queues().hotline());
        }
        for (int i = 0; i < asked.size(); i++) {
            if (!allowed.contains(asked.get(i))) {
                throw InvalidFieldException.unacceptable("queues[" + i + "]", "oneOf",
                        "'" + asked.get(i) + "' is not one of the queues " + allowed);
            }
        }
        return List.copyOf(new LinkedHashSet<>(asked));
    }

    private static void requireHotline(Actor actor) {
        if (!actor.isHotline()) {
            throw new ActionForbiddenException("Only hotline agents, the desk and supervisors take calls");
        }
    }

    private Optional<AgentSession> openSession(String username) {
        return entityManager.createQuery("from AgentSession where username = ?1 and loggedOutAt is null",
                AgentSession.class).setParameter(1, username).getResultStream().findFirst();
    }

    private Optional<AgentSession> openSessionAt(String extension) {
        return entityManager.createQuery("from AgentSession where extension = ?1 and loggedOutAt is null",
                AgentSession.class).setParameter(1, extension).getResultStream().findFirst();
    }
}
