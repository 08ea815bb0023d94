package org.hotline12345.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.intake.IntakeViews.OnlineRequest;
import org.hotline12345.intake.IntakeViews.Receipt;
import org.hotline12345.intake.IntakeViews.Submission;
import org.hotline12345.intake.IntakeViews.SubmittedAttachment;
import org.hotline12345.intake.IntakeViews.Timeliness;
import org.hotline12345.security.Actor;
import org.hotline12345.sms.SmsKind;
import org.hotline12345.sms.SmsOutbox;
import org.hotline12345.sms.SmsQueue;
import org.hotline12345.workorder.AttachmentService;
import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.Urgency;
import org.hotline12345.workorder.WorkOrderRequests;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderViews.Detail;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * 网络诉求: requests that arrive online wait in the agents' list 待受理 under a work-order number reserved when they
 * came in, until an agent registers them through the ordinary registration (correcting category and place, and
 * dispatching as for a call) or refuses them as 无效诉求 with a reason the citizen is texted. The citizen's first answer
 * (the receipt SMS) and the decision are timed against the 3-minute rule.
 */
@ApplicationScoped
public class IntakeService {

    private static final String COLUMNS = """
            number, source, source_detail, state, request_type, title, content, district, street, address, enterprise_name,
            enterprise_credit_code, citizen_name, phone, confidential, submitted_at, decided_at, decided_by,
            refusal_kind, refusal_reason""";

    /**
     * What the agent corrects when registering: the citizen's own details and phone stay as submitted.
     *
     * @param leadDepartmentCode dispatch at once to this department, or {@code null}
     */
    public record Correction(RequestType requestType, String title, String content, String district, String street,
            String address, String categoryCode, boolean urgent, boolean simple, String leadDepartmentCode) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    WorkOrderService workOrders;

    @Inject
    AttachmentService attachments;

    @Inject
    SmsQueue sms;

    @Inject
    SmsOutbox outbox;

    @Inject
    IntakeConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    Event<OnlineRequestDecided> decided;

    /** A work-order number for a submission about to be stored; call it outside any transaction. */
    public String reserveNumber() {
        return workOrders.reserveNumber();
    }

    /** The earlier identical submission of this phone within the duplicate window, if there is one. */
    @Transactional
    public Optional<Receipt> duplicateOf(String phone, String title, String content) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select number, submitted_at from online_request
                where phone_key(phone) = phone_key(?1) and content_hash = ?2 and submitted_at > ?3
                order by submitted_at desc limit 1""")
                .setParameter(1, phone).setParameter(2, hash(title, content))
                .setParameter(3, clock.instant().minus(config.duplicateWindow())).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Receipt((String) row[0], time((Instant) row[1]), true));
    }

    /**
     * Stores a submission under its reserved number and queues the receipt SMS (the number, the 提取码 and where to
     * follow it), in the caller's transaction. Submissions of one phone are serialised, so that the same request sent
     * twice at once is still recognised as one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Receipt submit(String reservedNumber, Submission submission, String extractionCode, String link) {
        entityManager.createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtext('online_request:' || phone_key(?1)))) locked")
                .setParameter(1, submission.phone()).getSingleResult();
        Optional<Receipt> duplicate = duplicateOf(submission.phone(), submission.title(), submission.content());
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        Instant now = clock.instant();
        entityManager.createNativeQuery("""
                insert into online_request (number, source, state, request_type, title, content, district, street,
                    address, enterprise_name, enterprise_credit_code, citizen_name, phone, confidential,
                    client_address, content_hash, submitted_at)
                values (?1, ?2, 'PENDING', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)""")
                .setParameter(1, reservedNumber).setParameter(2, submission.source().name())
                .setParameter(3, submission.requestType().name()).setParameter(4, submission.title())
                .setParameter(5, submission.content()).setParameter(6, submission.district())
                .setParameter(7, submission.street()).setParameter(8, submission.address())
                .setParameter(9, submission.enterpriseName()).setParameter(10, submission.creditCode())
                .setParameter(11, submission.citizenName()).setParameter(12, submission.phone())
                .setParameter(13, submission.confidential()).setParameter(14, submission.clientAddress())
                .setParameter(15, hash(submission.title(), submission.content())).setParameter(16, now)
                .executeUpdate();
        List<AttachmentService.SubmittedFile> files = submission.attachments();
        for (int position = 0; position < files.size(); position++) {
            AttachmentService.SubmittedFile file = files.get(position);
            entityManager.createNativeQuery("""
                    insert into online_request_attachment (number, position, file_name, content_type, size_bytes,
                        content)
                    values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, reservedNumber).setParameter(2, position).setParameter(3, file.fileName())
                    .setParameter(4, file.contentType()).setParameter(5, (long) file.content().length)
                    .setParameter(6, file.content()).executeUpdate();
        }
        long receipt = sms.queue(SmsKind.RECEIPT, submission.phone(),
                Map.of("number", reservedNumber, "extractionCode", extractionCode, "link", link), reservedNumber);
        entityManager.createNativeQuery("update online_request set receipt_sms_id = ?2 where number = ?1")
                .setParameter(1, reservedNumber).setParameter(2, receipt).executeUpdate();
        return new Receipt(reservedNumber, time(now), false);
    }

    /**
     * Stores a partner's submission under its reserved number, in the caller's transaction: no receipt SMS (the
     * citizen deals with the partner) and no duplicate check (the partner's own id makes its retries idempotent).
     *
     * @param sourceDetail which partner sent it and what the agent must check
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Receipt submitFromPartner(String reservedNumber, Submission submission, String sourceDetail) {
        Instant now = clock.instant();
        entityManager.createNativeQuery("""
                insert into online_request (number, source, source_detail, state, request_type, title, content,
                    district, street, address, enterprise_name, enterprise_credit_code, citizen_name, phone,
                    confidential, client_address, content_hash, submitted_at)
                values (?1, 'PARTNER', ?2, 'PENDING', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)""")
                .setParameter(1, reservedNumber).setParameter(2, sourceDetail)
                .setParameter(3, submission.requestType().name()).setParameter(4, submission.title())
                .setParameter(5, submission.content()).setParameter(6, submission.district())
                .setParameter(7, submission.street()).setParameter(8, submission.address())
                .setParameter(9, submission.enterpriseName()).setParameter(10, submission.creditCode())
                .setParameter(11, submission.citizenName()).setParameter(12, submission.phone())
                .setParameter(13, submission.confidential()).setParameter(14, submission.clientAddress())
                .setParameter(15, hash(submission.title(), submission.content())).setParameter(16, now)
                .executeUpdate();
        return new Receipt(reservedNumber, time(now), false);
    }

    /** How many requests this phone submitted since then, for the portal's limits. */
    @Transactional
    public long submittedByPhoneSince(String phone, Instant since) {
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from online_request where phone_key(phone) = phone_key(?1) and submitted_at > ?2")
                .setParameter(1, phone).setParameter(2, since).getSingleResult()).longValue();
    }

    /** How many requests came from this client address since then, for the portal's limits. */
    @Transactional
    public long submittedFromSince(String clientAddress, Instant since) {
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from online_request where client_address = ?1 and submitted_at > ?2")
                .setParameter(1, clientAddress).setParameter(2, since).getSingleResult()).longValue();
    }

    /** 待受理, longest waiting first. */
    @Transactional
    public List<OnlineRequest> pending() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select " + COLUMNS + " from online_request where state = 'PENDING' order by submitted_at, id")
                .getResultList();
        return rows.stream().map(this::view).toList();
    }

    @Transactional
    public Optional<OnlineRequest> find(String number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select " + COLUMNS + " from online_request where number = ?1")
                .setParameter(1, number).getResultList();
        return rows.stream().findFirst().map(this::view);
    }

    /** The registration the agent's corrections make of a pending request: channel, citizen and phone as submitted. */
    @Transactional
    public WorkOrderRequests.Register registration(String number, Correction correction) {
        OnlineRequest request = require(number);
        return new WorkOrderRequests.Register(Channel.WEB, correction.requestType(),
                new WorkOrderRequests.CitizenInput(request.citizenName(), request.phone(), null,
                        request.confidential()),
                request.enterpriseName() == null
                        ? null
                        : new WorkOrderRequests.EnterpriseInput(request.enterpriseName(), request.creditCode()),
                correction.title(), correction.content(),
                new WorkOrderRequests.LocationInput(correction.district(), correction.street(),
                        correction.address()),
                correction.categoryCode(), correction.urgent() ? Urgency.URGENT : Urgency.NORMAL,
                correction.simple(),
                correction.leadDepartmentCode() == null
                        ? null
                        : new WorkOrderRequests.Dispatch(correction.leadDepartmentCode(), List.of(), null),
                null, null, null, null);
    }

    /**
     * 受理: registers the pending request as a work order under its number, through the ordinary registration; a
     * dispatched one is announced to the citizen (转办). The request's row stays locked meanwhile, so that two agents
     * cannot register it twice.
     */
    public Detail register(String number, WorkOrderRequests.Register registration, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OnlineRequest request = lockPending(number);
            Detail registered = workOrders.registerAs(number, registration, actor);
            attachments.attachSubmitted(number, submittedFiles(number), actor);
            decide(number, IntakeState.REGISTERED, actor, null, null);
            boolean dispatched = registered.status() == WorkOrderStatus.DISPATCHED;
            if (dispatched && request.source() == IntakeSource.PORTAL) {
                sms.queue(SmsKind.DISPATCHED, request.phone(),
                        Map.of("number", number, "department", registered.leadDepartment().name()), number);
            }
            decided.fire(new OnlineRequestDecided(number, request.source(), IntakeState.REGISTERED, null,
                    dispatched ? registered.leadDepartment().name() : null));
            return registered;
        });
    }

    /** The files that came with a request, as submitted. */
    @Transactional
    public List<SubmittedAttachment> attachments(String number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select file_name, content_type, size_bytes from online_request_attachment
                where number = ?1 order by position""").setParameter(1, number).getResultList();
        return rows.stream().map(row -> new SubmittedAttachment((String) row[0], (String) row[1],
                ((Number) row[2]).longValue())).toList();
    }

    private List<AttachmentService.SubmittedFile> submittedFiles(String number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select file_name, content_type, content from online_request_attachment
                where number = ?1 order by position""").setParameter(1, number).getResultList();
        return rows.stream().map(row -> new AttachmentService.SubmittedFile((String) row[0], (String) row[1],
                (byte[]) row[2])).toList();
    }

    /** 不予受理: the citizen is texted the reason. */
    @Transactional
    public void refuse(String number, RefusalKind kind, String reason, Actor actor) {
        if (kind == null) {
            throw InvalidFieldException.malformed("refusalKind", "NotNull", "请选择不予受理的类别");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidFieldException.malformed("refusalReason", "NotBlank", "请填写告知市民的原因");
        }
        if (reason.strip().length() > 200) {
            throw InvalidFieldException.malformed("refusalReason", "Size", "原因不能超过 200 字");
        }
        OnlineRequest request = lockPending(number);
        decide(number, IntakeState.REFUSED, actor, kind, reason.strip());
        if (request.source() == IntakeSource.PORTAL) {
            sms.queue(SmsKind.REFUSED, request.phone(), Map.of("number", number, "reason", reason.strip()), number);
        }
        decided.fire(new OnlineRequestDecided(number, request.source(), IntakeState.REFUSED, reason.strip(), null));
    }

    /** How fast the online requests submitted in a period of the city's days were answered. */
    @Transactional
    public Timeliness timeliness(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(calendar.zone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select receipt_sms_id, submitted_at, decided_at, state from online_request
                where submitted_at >= ?1 and submitted_at < ?2""")
                .setParameter(1, start).setParameter(2, end).getResultList();
        Map<Long, Instant> sent = outbox.sentAt(rows.stream().filter(row -> row[0] != null)
                .map(row -> ((Number) row[0]).longValue()).toList());
        List<Long> receiptSeconds = new ArrayList<>();
        List<Long> decisionMinutes = new ArrayList<>();
        long registered = 0;
        long refused = 0;
        for (Object[] row : rows) {
            Instant submitted = (Instant) row[1];
            Instant receipt = row[0] == null ? null : sent.get(((Number) row[0]).longValue());
            if (receipt != null) {
                receiptSeconds.add(Duration.between(submitted, receipt).toSeconds());
            }
            if (row[2] != null) {
                decisionMinutes.add(Duration.between(submitted, (Instant) row[2]).toMinutes());
            }
            registered += "REGISTERED".equals(row[3]) ? 1 : 0;
            refused += "REFUSED".equals(row[3]) ? 1 : 0;
        }
        long target = config.receiptTarget().toSeconds();
        Instant oldest = (Instant) entityManager
                .createNativeQuery("select min(submitted_at) from online_request where state = 'PENDING'")
                .getSingleResult();
        long pending = ((Number) entityManager
                .createNativeQuery("select count(*) from online_request where state = 'PENDING'").getSingleResult())
                .longValue();
        return new Timeliness(rows.size(), registered, refused, pending, receiptSeconds.size(),
                receiptSeconds.stream().filter(seconds -> seconds <= target).count(), percentile(receiptSeconds, 50),
                percentile(receiptSeconds, 90), percentile(decisionMinutes, 50), percentile(decisionMinutes, 90),
                target, oldest == null ? null : time(oldest));
    }

    /** Today in the city, where a default period ends. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    private OnlineRequest require(String number) {
        return find(number).orElseThrow(() -> new ResourceNotFoundException("Online request", number));
    }

    private OnlineRequest lockPending(String number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select " + COLUMNS + " from online_request where number = ?1 for update")
                .setParameter(1, number).getResultList();
        OnlineRequest request = rows.stream().findFirst().map(this::view)
                .orElseThrow(() -> new ResourceNotFoundException("Online request", number));
        if (request.state() != IntakeState.PENDING) {
            throw new ConflictException("网络诉求 " + number + " 已经处理过了（" + Labels.label(request.state()) + "）");
        }
        return request;
    }

    private void decide(String number, IntakeState state, Actor actor, RefusalKind kind, String reason) {
        entityManager.createNativeQuery("""
                update online_request set state = ?2, decided_at = ?3, decided_by = ?4, refusal_kind = ?5,
                    refusal_reason = ?6
                where number = ?1""")
                .setParameter(1, number).setParameter(2, state.name()).setParameter(3, clock.instant())
                .setParameter(4, actor.username()).setParameter(5, kind == null ? null : kind.name())
                .setParameter(6, reason).executeUpdate();
    }

    private OnlineRequest view(Object[] row) {
        return new OnlineRequest((String) row[0], IntakeSource.valueOf((String) row[1]), (String) row[2],
                IntakeState.valueOf((String) row[3]), RequestType.valueOf((String) row[4]), (String) row[5],
                (String) row[6], (String) row[7], (String) row[8], (String) row[9], (String) row[10], (String) row[11],
                (String) row[12], (String) row[13], (Boolean) row[14], time((Instant) row[15]),
                row[16] == null ? null : time((Instant) row[16]), (String) row[17],
                row[18] == null ? null : RefusalKind.valueOf((String) row[18]), (String) row[19]);
    }

    private OffsetDateTime time(Instant instant) {
        return instant.atZone(calendar.zone()).toOffsetDateTime();
    }

    private static Long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String hash(String title, String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(title.strip().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
