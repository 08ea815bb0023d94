package org.hotline12345.telephony;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.telephony.callback.MissedCallViews.MissedCallBoard;
import org.hotline12345.telephony.callback.MissedCalls;
import org.hotline12345.user.AppUser;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.Role;
import org.jboss.logging.Logger;

/**
 * The supervisors' wallboard: per queue, who waits and how long, agents by state, and today's answered and abandoned
 * calls with the share answered within the target (GB/T 33358-2016: 95 % within 15 s, counted over answered and
 * abandoned calls); and the missed calls to call back with today's share called back within 30 minutes and the day.
 */
@ApplicationScoped
public class Wallboard {

    private static final Logger LOG = Logger.getLogger(Wallboard.class);
    private static final Set<Role> WATCHERS = Set.of(Role.SUPERVISOR, Role.ADMIN, Role.DESK_LEAD);

    /**
     * @param answeredWithinTargetShare answered within the target over answered and abandoned; {@code null} before
     *        the first call of the day
     */
    public record QueueFigures(String queue, int waiting, long longestWaitSeconds, Map<AgentState, Integer> agents,
            int answeredToday, int abandonedToday, int answeredWithinTarget, Double answeredWithinTargetShare,
            Boolean targetMet) {
    }

    /** @param callbacks 漏接回拨: the numbers to call back and today's callbacks within 30 minutes and the day */
    public record Snapshot(Instant at, boolean telephonyEnabled, boolean connected, long targetSeconds,
            double targetShare, List<QueueFigures> queues, List<AgentStatus> agents, MissedCallBoard callbacks) {
    }

    /** One queue's callers waiting now and how long the first of them has waited. */
    public record QueueWait(String queue, int waiting, long longestWaitSeconds) {
    }

    /** The queues and agents as the switchboard holds them in memory, without today's counts: for the metrics. */
    public record LiveFigures(List<QueueWait> queues, Map<AgentState, Integer> agents) {
    }

    private record Today(int answered, int abandoned, int withinTarget) {
    }

    /** Callers waiting and agents, read from the switchboard at one moment. */
    private record Live(Map<String, List<LiveCall>> waiting, List<AgentStatus> agents) {
    }

    @Inject
    TelephonyConfig config;

    @Inject
    Switchboard switchboard;

    @Inject
    AmiClient ami;

    @Inject
    TelephonyPushes pushes;

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    AppUserRepository users;

    @Inject
    MissedCalls missedCalls;

    @Inject
    Wallboard self;

    private ScheduledExecutorService publisher;

    @PostConstruct
    void start() {
        publisher = Executors.newSingleThreadScheduledExecutor(Switchboard.daemon("wallboard"));
        publisher.scheduleWithFixedDelay(this::publish, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        publisher.shutdownNow();
    }

    /**
     * A watcher opened the stream: those who may see the wallboard get a snapshot at once, others are sent away. The
     * user is looked up off the socket's I/O thread.
     */
    void admit(String username, Session session) {
        publisher.execute(() -> {
            try {
                if (self.mayWatch(username)) {
                    pushes.wallboards().add(username, session);
                    publish();
                } else {
                    session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "for supervisors only"));
                }
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "Wallboard watcher %s not admitted", username);
            }
        });
    }

    private void publish() {
        if (pushes.wallboards().isEmpty()) {
            return;
        }
        try {
            pushes.wallboard(self.current());
        } catch (RuntimeException e) {
            LOG.debugf(e, "No wallboard snapshot this second");
        }
    }

    /** Whether the user sees the wallboard, as the REST endpoint allows it. */
    @Transactional
    boolean mayWatch(String username) {
        return users.findByUsername(username).filter(AppUser::isActive)
                .map(user -> WATCHERS.contains(user.getRole())).orElse(false);
    }

    /** Reads memory only, so it is cheap enough for every scrape. */
    public LiveFigures live() {
        Instant now = clock.instant();
        Live live = switchboard.read((calls, board) -> new Live(calls.waitingByQueue(), board.all()));
        Set<String> queues = new LinkedHashSet<>(List.of(config.queues().hotline(), config.queues().desk()));
        queues.addAll(live.waiting().keySet());
        List<QueueWait> waits = new ArrayList<>();
        for (String queue : queues) {
            List<LiveCall> inQueue = live.waiting().getOrDefault(queue, List.of());
            waits.add(new QueueWait(queue, inQueue.size(), longestWait(inQueue, now)));
        }
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        live.agents().forEach(agent -> byState.merge(agent.state(), 1, Integer::sum));
        return new LiveFigures(waits, byState);
    }

    @Transactional
    public Snapshot current() {
        Instant now = clock.instant();
        Live live = switchboard.read((calls, board) -> new Live(calls.waitingByQueue(), board.all()));
        Map<String, List<LiveCall>> waiting = live.waiting();
        List<AgentStatus> agents = live.agents();
        Map<String, Today> today = today(now);
        Set<String> queues = new LinkedHashSet<>(List.of(config.queues().hotline(), config.queues().desk()));
        queues.addAll(waiting.keySet());
        agents.forEach(agent -> queues.addAll(agent.queues()));
        queues.addAll(today.keySet());
        long target = config.answerTarget().toSeconds();
        List<QueueFigures> figures = new ArrayList<>();
        for (String queue : queues) {
            List<LiveCall> inQueue = waiting.getOrDefault(queue, List.of());
            long longest = longestWait(inQueue, now);
            Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
            agents.stream().filter(agent -> agent.queues().contains(queue))
                    .forEach(agent -> byState.merge(agent.state(), 1, Integer::sum));
            Today counts = today.getOrDefault(queue, new Today(0, 0, 0));
            int offered = counts.answered() + counts.abandoned();
            Double share = offered == 0 ? null : (double) counts.withinTarget() / offered;
            figures.add(new QueueFigures(queue, inQueue.size(), longest, byState, counts.answered(),
                    counts.abandoned(), counts.withinTarget(), share,
                    share == null ? null : share >= config.answerTargetShare()));
        }
        return new Snapshot(now, config.enabled(), ami.connected(), target, config.answerTargetShare(), figures,
                agents, missedCalls.board());
    }

    private static long longestWait(List<LiveCall> inQueue, Instant now) {
        return inQueue.isEmpty() ? 0 : Math.max(0, Duration.between(inQueue.get(0).queuedAt(), now).toSeconds());
    }

    private Map<String, Today> today(Instant now) {
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        Instant start = day.atStartOfDay(calendar.zone()).toInstant();
        List<?> rows = entityManager.createNativeQuery("select queue,"
                + " count(*) filter (where answered_at is not null),"
                + " count(*) filter (where abandoned),"
                + " count(*) filter (where answered_at is not null and coalesce(wait_seconds, 0) <= ?1)"
                + " from call_record where queue is not null and queued_at >= ?2 group by queue")
                .setParameter(1, config.answerTarget().toSeconds()).setParameter(2, Timestamp.from(start))
                .getResultList();
        Map<String, Today> today = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            today.put((String) columns[0], new Today(((Number) columns[1]).intValue(),
                    ((Number) columns[2]).intValue(), ((Number) columns[3]).intValue()));
        }
        return today;
    }
}
