package org.hotline12345.telephony.callback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.SqlValues;
import org.hotline12345.security.Actor;
import org.hotline12345.telephony.AgentService;
import org.hotline12345.telephony.CallControl;
import org.hotline12345.telephony.CallerLookup;
import org.hotline12345.telephony.CallerProfile;
import org.hotline12345.telephony.IvrChoice;
import org.hotline12345.telephony.TelephonyConfig;
import org.hotline12345.telephony.TelephonyViews.AgentView;
import org.hotline12345.telephony.TelephonyViews.CallbackPlaced;
import org.hotline12345.telephony.callback.MissedCallViews.AttemptRow;
import org.hotline12345.telephony.callback.MissedCallViews.AttemptView;
import org.hotline12345.telephony.callback.MissedCallViews.CallbackRow;
import org.hotline12345.telephony.callback.MissedCallViews.CallerHistory;
import org.hotline12345.telephony.callback.MissedCallViews.MissedCallBoard;
import org.hotline12345.telephony.callback.MissedCallViews.MissedCallView;
import org.hotline12345.telephony.callback.MissedCallViews.PastCall;
import org.hotline12345.telephony.callback.MissedCallViews.Taken;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * 漏接回拨 (国办函〔2025〕66号): calls the hotline missed become a list of numbers to call back, oldest first. Misses
 * come from the call records (abandoned in a queue, or let go unanswered by it: {@link #scan}, which also finds calls
 * recorded late) and from the IVR outside service hours ({@link #afterHours}); each number is on the list once, however
 * often it was missed. Agents take the oldest due entry of their queues and call it back with the click-to-call of
 * 回访, then record what came of it.
 */
@ApplicationScoped
public class MissedCalls {

    /** The advisory lock that lets one instance scan at a time. */
    private static final long SCAN_LOCK = 12_345_055L;
    /** Most call records one scan reads; the next takes the rest. */
    private static final int SCAN_BATCH = 500;
    private static final int HISTORY_CALLS = 5;
    /** Numbers shorter than this are extensions or service numbers, which the outbound dialplan cannot call. */
    private static final int MIN_DIGITS = 7;

    @Inject
    EntityManager entityManager;

    @Inject
    MissedCallConfig config;

    @Inject
    TelephonyConfig telephony;

    @Inject
    WorkingCalendar calendar;

    @Inject
    CallerLookup callers;

    @Inject
    AgentService agents;

    @Inject
    CallControl calls;

    @Inject
    Clock clock;

    private ServiceHours hours;
    private CallbackTimeliness timeliness;

    @PostConstruct
    void init() {
        hours = ServiceHours.of(config.opens(), config.closes(), calendar.zone());
        timeliness = new CallbackTimeliness(config.callbackTarget(), calendar.zone());
    }

    public ServiceHours hours() {
        return hours;
    }

    /** Whether {@code number} can be dialled back: a full phone number, not withheld, not an extension. */
    static boolean callable(String number) {
        return number != null && number.replaceAll("\\D", "").length() >= MIN_DIGITS;
    }

    /**
     * A call came outside service hours: the caller is noted for a callback when they open.
     *
     * @return whether the number can be called back
     */
    @Transactional
    public boolean afterHours(String callId, String callerNumber) {
        Instant now = clock.instant();
        return missed(callId, callerNumber, telephony.queues().hotline(), MissedCallReason.AFTER_HOURS, now, now);
    }

    /**
     * Counts one missed call, once: on its number's open entry, or as a new one. A number that cannot be called back
     * is noted as seen and left.
     *
     * @param missedAt when the caller called
     * @param leftAt when they were gone (hung up), from which a callback is possible
     */
    boolean missed(String callId, String callerNumber, String queue, MissedCallReason reason, Instant missedAt,
            Instant leftAt) {
        int first = entityManager.createNativeQuery("insert into missed_call_source (call_id, reason, missed_at)"
                + " values (?1, ?2, ?3) on conflict do nothing").setParameter(1, callId)
                .setParameter(2, reason.name()).setParameter(3, Timestamp.from(missedAt)).executeUpdate();
        if (first == 0 || !callable(callerNumber)) {
            return false;
        }
        Instant callableFrom = hours.callableFrom(leftAt);
        Number entry = (Number) entityManager.createNativeQuery("""
                insert into missed_call (phone, caller_number, queue, reason, first_missed_at, last_missed_at,
                                         callable_from, next_attempt_at)
                values (phone_key(?1), ?1, ?2, ?3, ?4, ?4, ?5, ?5)
                on conflict (phone) where status in ('WAITING', 'CALLING') do update set
                  missed_count = missed_call.missed_count + 1,
                  caller_number = case when excluded.last_missed_at >= missed_call.last_missed_at
                                       then excluded.caller_number else missed_call.caller_number end,
                  first_missed_at = least(missed_call.first_missed_at, excluded.first_missed_at),
                  last_missed_at = greatest(missed_call.last_missed_at, excluded.last_missed_at),
                  callable_from = least(missed_call.callable_from, excluded.callable_from)
                returning id
                """).setParameter(1, callerNumber.strip()).setParameter(2, queue).setParameter(3, reason.name())
                .setParameter(4, Timestamp.from(missedAt)).setParameter(5, Timestamp.from(callableFrom))
                .getSingleResult();
        entityManager.createNativeQuery("update missed_call_source set missed_call_id = ?1 where call_id = ?2")
                .setParameter(1, entry.longValue()).setParameter(2, callId).executeUpdate();
        return true;
    }

    /**
     * One pass over the call records, by one instance at a time: calls missed since the last pass join the list,
     * entries whose caller got through on a call of their own close, and entries taken but never recorded go back.
     *
     * @return how many missed calls were counted
     */
    @Transactional
    public int scan() {
        if (!Boolean.TRUE.equals(entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, SCAN_LOCK).getSingleResult())) {
            return 0;
        }
        Instant now = clock.instant();
        entityManager.createQuery("from MissedCall where status = ?1", MissedCall.class)
                .setParameter(1, MissedCallStatus.CALLING).getResultList()
                .forEach(entry -> entry.releaseIfAbandoned(config.claimTimeout(), now));
        int counted = 0;
        List<?> rows = entityManager.createNativeQuery("""
                select c.call_id, c.caller_number, c.queue, c.ivr_choice, c.abandoned, c.blocked,
                       coalesce(c.queued_at, c.started_at), coalesce(c.ended_at, c.queued_at, c.started_at)
                from call_record c
                where c.direction = 'INBOUND' and c.answered_at is null and c.started_at >= ?1
                  and (c.queue is not null or c.ivr_choice in (?2, ?3, ?4))
                  and (c.abandoned or c.ended_at is not null)
                  and not exists (select 1 from missed_call_source s where s.call_id = c.call_id)
                order by c.started_at
                limit ?5
                """).setParameter(1, Timestamp.from(now.minus(config.lookBack())))
                .setParameter(2, IvrChoice.AGENT.name()).setParameter(3, IvrChoice.ENTERPRISE.name())
                .setParameter(4, IvrChoice.NONE.name()).setParameter(5, SCAN_BATCH).getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            boolean abandoned = (Boolean) c[4];
            String queue = c[2] != null
                    ? (String) c[2]
                    : IvrChoice.ENTERPRISE.name().equals(c[3])
                            ? telephony.queues().desk()
                            : telephony.queues().hotline();
            // a number blocked for harassment is not called back: seen, and left off the list
            String number = Boolean.TRUE.equals(c[5]) ? null : (String) c[1];
            if (missed((String) c[0], number, queue, abandoned
                    ? MissedCallReason.ABANDONED
                    : MissedCallReason.UNANSWERED, SqlValues.instant(c[6]), SqlValues.instant(c[7]))) {
                counted++;
            }
        }
        entityManager.createNativeQuery("""
                update missed_call m set status = 'CALLED_IN', closed_at = answered.at
                from (select w.id, min(c.answered_at) as at
                      from missed_call w join call_record c
                        on phone_key(c.caller_number) = w.phone and c.started_at >= w.last_missed_at
                      where w.status = 'WAITING' and c.direction = 'INBOUND' and c.answered_at > w.last_missed_at
                      group by w.id) answered
                where m.id = answered.id
                """).executeUpdate();
        return counted;
    }

    /** The numbers to call back, oldest first, each with the caller's history. */
    @Transactional
    public List<MissedCallView> open(int limit) {
        return views(entityManager.createQuery("from MissedCall where status in ?1 order by firstMissedAt, id",
                MissedCall.class).setParameter(1, List.of(MissedCallStatus.WAITING, MissedCallStatus.CALLING))
                .setMaxResults(limit).getResultList(), true);
    }

    /** Entries closed since {@code since}, the latest first. */
    @Transactional
    public List<MissedCallView> closedSince(Instant since, int limit) {
        return views(entityManager.createQuery("from MissedCall where closedAt >= ?1 order by closedAt desc, id desc",
                MissedCall.class).setParameter(1, since).setMaxResults(limit).getResultList(), false);
    }

    /** Today in the city, from its first moment. */
    public Instant startOfToday() {
        ZoneId zone = calendar.zone();
        return clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    @Transactional
    public MissedCallView get(long id) {
        return views(List.of(find(id)), true).get(0);
    }

    /** The entry the agent took and has not recorded yet, if any. */
    @Transactional
    public MissedCallView takenBy(Actor actor) {
        List<MissedCall> taken = entityManager.createQuery("from MissedCall where status = ?1 and claimedBy = ?2",
                MissedCall.class).setParameter(1, MissedCallStatus.CALLING).setParameter(2, actor.username())
                .getResultList();
        return taken.isEmpty() ? null : views(taken, true).get(0);
    }

    /**
     * The agent takes the oldest entry due in their queues and calls it back through their phone (click-to-call, as
     * 回访). The entry is theirs until they record what came of it; a call Asterisk refuses puts it back.
     *
     * @return {@code null} when nothing is due
     */
    public Taken takeNext(Actor actor) {
        if (!actor.isHotline()) {
            throw new ActionForbiddenException("只有热线坐席回拨漏接来电");
        }
        AgentView phone = agents.me(actor);
        if (phone.extension() == null) {
            throw new ConflictException("请先在话机签入，再回拨漏接来电");
        }
        List<String> queues = phone.queues().isEmpty() ? List.of(telephony.queues().hotline()) : phone.queues();
        Instant now = clock.instant();
        MissedCall taken = QuarkusTransaction.requiringNew().call(() -> take(queues, actor, now));
        if (taken == null) {
            return null;
        }
        CallbackPlaced placed;
        try {
            placed = calls.callBack(taken.getCallerNumber(), null, actor);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> find(taken.getId()).release());
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            find(taken.getId()).attempted(now);
            entityManager.persist(new MissedCallAttempt(taken.getId(), actor.username(), placed.callId(), now));
        });
        return new Taken(QuarkusTransaction.requiringNew().call(() -> views(List.of(find(taken.getId())), true)
                .get(0)), placed.callId(), placed.extension());
    }

    private MissedCall take(List<String> queues, Actor actor, Instant now) {
        if (!entityManager.createQuery("from MissedCall where status = ?1 and claimedBy = ?2", MissedCall.class)
                .setParameter(1, MissedCallStatus.CALLING).setParameter(2, actor.username()).getResultList()
                .isEmpty()) {
            throw new ConflictException("请先记录上一个回拨的结果，再回拨下一个");
        }
        // the oldest due entry nobody else is taking this very moment
        List<?> ids = entityManager.createNativeQuery("""
                select id from missed_call
                where status = 'WAITING' and next_attempt_at <= ?1 and queue in (?2)
                order by first_missed_at, id limit 1 for update skip locked
                """).setParameter(1, Timestamp.from(now)).setParameter(2, queues).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        MissedCall entry = find(((Number) ids.get(0)).longValue());
        entry.take(actor, now);
        return entry;
    }

    /** Records what the callback came to: reached and wrong numbers close the entry; busy or no answer try again. */
    @Transactional
    public MissedCallView record(long id, MissedCallOutcome outcome, Actor actor) {
        MissedCall entry = find(id);
        Instant now = clock.instant();
        entry.record(outcome, actor, config.maxAttempts(), config.retryAfter(), now);
        entityManager.createQuery("from MissedCallAttempt where missedCallId = ?1 order by startedAt desc, id desc",
                MissedCallAttempt.class).setParameter(1, id).setMaxResults(1).getResultStream().findFirst()
                .ifPresent(attempt -> attempt.record(outcome, now));
        return views(List.of(entry), true).get(0);
    }

    /** The wallboard's callbacks: the list now, and today's entries against the target and the day. */
    @Transactional
    public MissedCallBoard board() {
        Instant now = clock.instant();
        Object[] open = (Object[]) entityManager.createNativeQuery(
                "select count(*), min(first_missed_at) from missed_call where status in ('WAITING', 'CALLING')")
                .getSingleResult();
        CallbackTimeliness.Tally today = timeliness.tally();
        callable(startOfToday(), now).forEach(row -> today.add(row.callableFrom(), row.firstAttemptAt(),
                row.calledInAt(), now));
        return new MissedCallBoard(((Number) open[0]).longValue(), time(SqlValues.instant(open[1])),
                config.callbackTarget().toMinutes(), today.figures());
    }

    /** Entries that became callable within [from, to), for the reports and the wallboard. */
    @Transactional
    public List<CallbackRow> callable(Instant from, Instant to) {
        List<CallbackRow> rows = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select queue, callable_from, first_attempt_at, case when status = 'CALLED_IN' then closed_at end
                from missed_call where callable_from >= ?1 and callable_from < ?2
                """).setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to)).getResultList()) {
            Object[] c = (Object[]) row;
            rows.add(new CallbackRow((String) c[0], SqlValues.instant(c[1]), SqlValues.instant(c[2]),
                    SqlValues.instant(c[3])));
        }
        return rows;
    }

    /** Callbacks placed within [from, to), for the reports. */
    @Transactional
    public List<AttemptRow> attempts(Instant from, Instant to) {
        return entityManager.createQuery("from MissedCallAttempt where startedAt >= ?1 and startedAt < ?2",
                MissedCallAttempt.class).setParameter(1, from).setParameter(2, to).getResultList().stream()
                .map(a -> new AttemptRow(a.getAgentUsername(), a.getStartedAt(), a.getOutcome())).toList();
    }

    /** Judges how timely callbacks were, with the configured target, in the city's zone. */
    public CallbackTimeliness timeliness() {
        return timeliness;
    }

    private MissedCall find(long id) {
        MissedCall entry = entityManager.find(MissedCall.class, id);
        if (entry == null) {
            throw new ResourceNotFoundException("missed call", String.valueOf(id));
        }
        return entry;
    }

    private List<MissedCallView> views(List<MissedCall> entries, boolean withHistory) {
        Map<Long, List<AttemptView>> attempts = new HashMap<>();
        if (!entries.isEmpty()) {
            entityManager.createQuery("from MissedCallAttempt where missedCallId in ?1 order by startedAt, id",
                    MissedCallAttempt.class).setParameter(1, entries.stream().map(MissedCall::getId).toList())
                    .getResultList().forEach(a -> attempts.computeIfAbsent(a.getMissedCallId(),
                            id -> new ArrayList<>()).add(
                                    new AttemptView(a.getAgentUsername(), a.getCallId(),
                                            time(a.getStartedAt()), a.getOutcome())));
        }
        return entries.stream().map(e -> new MissedCallView(e.getId(), e.getCallerNumber(), e.getQueue(),
                e.getReason(), time(e.getFirstMissedAt()), time(e.getLastMissedAt()), e.getMissedCount(),
                time(e.getCallableFrom()), e.getStatus(), e.getAttempts(), time(e.getNextAttemptAt()),
                e.getClaimedBy(), time(e.getClosedAt()), attempts.getOrDefault(e.getId(), List.of()),
                withHistory ? history(e.getCallerNumber()) : null)).toList();
    }

    private CallerHistory history(String number) {
        CallerProfile profile = callers.profile(number, null);
        List<PastCall> past = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select call_id, started_at, queue, answered_at is not null, agent_username from call_record
                where phone_key(caller_number) = phone_key(?1) order by started_at desc limit ?2
                """).setParameter(1, number).setParameter(2, HISTORY_CALLS).getResultList()) {
            Object[] c = (Object[]) row;
            past.add(new PastCall((String) c[0], time(SqlValues.instant(c[1])), (String) c[2], (Boolean) c[3],
                    (String) c[4]));
        }
        return new CallerHistory(profile.recentCalls(), past, profile.enterprise(), profile.workOrders());
    }

    private OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
