package org.hotline12345.telephony;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.common.Page;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.ServiceUnavailableException;
import org.hotline12345.security.Actor;
import org.hotline12345.telephony.TelephonyViews.CallView;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrderReads;
import org.hotline12345.workorder.WorkOrderService;

/**
 * The record of calls: lists for supervisors, a call with its work orders, the calls of a work order, recordings.
 * Agents see the calls they answered; supervisors and administrators all of them.
 */
@ApplicationScoped
public class CallHistory {

    /** Filters of the call list; {@code null} fields filter nothing. */
    public record Filter(LocalDate from, LocalDate to, String queue, String agent, String number,
            CallDirection direction, Boolean abandoned) {
    }

    /** The canonical WAV header MixMonitor writes before any audio. */
    private static final int WAV_HEADER_BYTES = 44;

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    TelephonyConfig config;

    @Inject
    WorkOrderService workOrders;

    @Inject
    WorkOrderReads workOrderReads;

    @Inject
    Clock clock;

    @Transactional
    public Page<CallView> list(Filter filter, int page, int size, Actor actor) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        ZoneId zone = calendar.zone();
        if (!seesAllCalls(actor)) {
            where.append(" and c.agentUsername = :me");
            parameters.put("me", actor.username());
        }
        if (filter.from() != null) {
            where.append(" and c.startedAt >= :from");
            parameters.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and c.startedAt < :to");
            parameters.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.queue() != null) {
            where.append(" and c.queue = :queue");
            parameters.put("queue", filter.queue());
        }
        if (filter.agent() != null) {
            where.append(" and c.agentUsername = :agent");
            parameters.put("agent", filter.agent());
        }
        if (filter.number() != null) {
            where.append(" and (c.callerNumber like :number or c.calledNumber like :number)");
            parameters.put("number", "%" + filter.number().replaceAll("\\D", "") + "%");
        }
        if (filter.direction() != null) {
            where.append(" and c.direction = :direction");
            parameters.put("direction", filter.direction());
        }
        if (filter.abandoned() != null) {
            where.append(" and c.abandoned = :abandoned");
            parameters.put("abandoned", filter.abandoned());
        }
        TypedQuery<Long> count = entityManager.createQuery("select count(c) from CallRecord c" + where, Long.class);
        TypedQuery<CallRecord> items = entityManager
                .createQuery("from CallRecord c" + where + " order by c.startedAt desc, c.id desc", CallRecord.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        List<CallRecord> records = items.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<String, List<String>> links = workOrdersOf(records.stream().map(CallRecord::getCallId).toList());
        return new Page<>(records.stream().map(r -> view(r, links.getOrDefault(r.getCallId(), List.of()))).toList(),
                page, size, count.getSingleResult());
    }

    @Transactional
    public CallView get(String callId, Actor actor) {
        CallRecord record = find(callId, actor);
        return view(record, workOrdersOf(List.of(callId)).getOrDefault(callId, List.of()));
    }

    /** The calls about a work order the actor may see, oldest first. */
    @Transactional
    public List<CallView> ofWorkOrder(String number, Actor actor) {
        workOrders.get(number, actor);
        if (!actor.isHotline() && actor.role() != Role.ADMIN) {
            throw new ActionForbiddenException("Only the hotline sees a work order's calls");
        }
        long workOrderId = workOrderReads.idOf(number).orElseThrow();
        List<CallRecord> records = entityManager.createQuery("select c from CallRecord c where c.callId in"
                + " (select l.callId from CallLink l where l.workOrderId = ?1) order by c.startedAt",
                CallRecord.class).setParameter(1, workOrderId).getResultList();
        Map<String, List<String>> links = workOrdersOf(records.stream().map(CallRecord::getCallId).toList());
        return records.stream().map(r -> view(r, links.getOrDefault(r.getCallId(), List.of()))).toList();
    }

    /** Links a call to a work order it is about (a repeat call about an existing one, say). */
    @Transactional
    public CallView link(String callId, String workOrderNumber, Actor actor) {
        find(callId, actor);
        workOrders.get(workOrderNumber, actor);
        linkNow(callId, workOrderReads.idOf(workOrderNumber).orElseThrow(), actor.username());
        return get(callId, actor);
    }

    /** Links the call during which a work order was registered; runs in the registration's transaction. */
    void linkNow(String callId, long workOrderId, String by) {
        // the link's key refers to the work order's row, which the registration may not have written yet
        entityManager.flush();
        entityManager.createNativeQuery("insert into call_work_order (call_id, work_order_id, linked_at, linked_by)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, callId).setParameter(2, workOrderId).setParameter(3, Timestamp.from(clock.instant()))
                .setParameter(4, by).executeUpdate();
    }

    /** The recording's file, for supervisors and administrators. */
    @Transactional
    public Path recording(String callId, Actor actor) {
        if (!seesAllCalls(actor)) {
            throw new ActionForbiddenException("Only supervisors and administrators listen to recordings");
        }
        CallRecord record = find(callId, actor);
        Path directory = config.recordingsDirectory().orElseThrow(() -> new ServiceUnavailableException(
                "Recordings are not served here (hotline.telephony.recordings-directory is not set)", null));
        if (record.getRecordingFile() == null) {
            throw new ResourceNotFoundException("通话录音", callId);
        }
        Path base = directory.toAbsolutePath().normalize();
        Path file = base.resolve(record.getRecordingFile()).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file) || !hasAudio(file)) {
            throw new ResourceNotFoundException("通话录音", callId);
        }
        return file;
    }

    /**
     * Whether MixMonitor wrote any audio: with option b a file is created at once but stays a bare 44-byte WAV header
     * when the call never reached anyone (an abandoned call, a callback nobody took).
     */
    private static boolean hasAudio(Path file) {
        try {
            return Files.size(file) > WAV_HEADER_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private CallRecord find(String callId, Actor actor) {
        CallRecord record = entityManager.createQuery("from CallRecord where callId = ?1", CallRecord.class)
                .setParameter(1, callId).getResultStream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("通话", callId));
        if (!seesAllCalls(actor) && !actor.username().equals(record.getAgentUsername())) {
            throw new ResourceNotFoundException("通话", callId);
        }
        return record;
    }

    private Map<String, List<String>> workOrdersOf(List<String> callIds) {
        Map<String, List<String>> links = new HashMap<>();
        if (callIds.isEmpty()) {
            return links;
        }
        List<CallLink> found = entityManager
                .createQuery("from CallLink where callId in ?1 order by linkedAt", CallLink.class)
                .setParameter(1, callIds).getResultList();
        Map<Long, WorkOrderReads.Brief> briefs = workOrderReads
                .briefs(found.stream().map(CallLink::getWorkOrderId).collect(Collectors.toSet()));
        found.forEach(link -> links.computeIfAbsent(link.getCallId(), id -> new ArrayList<>())
                .add(briefs.get(link.getWorkOrderId()).number()));
        return links;
    }

    private static boolean seesAllCalls(Actor actor) {
        return actor.role() == Role.SUPERVISOR || actor.role() == Role.ADMIN;
    }

    private CallView view(CallRecord r, List<String> linked) {
        ZoneId zone = calendar.zone();
        return new CallView(r.getCallId(), r.getDirection(), r.getCallerNumber(), r.getCalledNumber(),
                r.getIvrChoice(), r.getQueue(), time(r.getStartedAt(), zone), time(r.getQueuedAt(), zone),
                time(r.getAnsweredAt(), zone), time(r.getEndedAt(), zone), r.getWaitSeconds(), r.getTalkSeconds(),
                r.getAgentUsername(), r.isAbandoned(), r.getEndedBy(), r.getRecordingFile() != null,
                r.getSurveyResult(), r.getServiceRating(), r.getTransferredTo(), time(r.getTransferredAt(), zone),
                r.getTransferredBy(), r.getConsultedNumber(), r.getDialStatus(), r.isRepeatCall(), r.isBlocked(),
                linked);
    }

    private static OffsetDateTime time(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
