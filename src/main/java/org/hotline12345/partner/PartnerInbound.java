package org.hotline12345.partner;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.area.AreaDirectory;
import org.hotline12345.area.DistrictView;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryView;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.Labels;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.intake.IntakeService;
import org.hotline12345.intake.IntakeSource;
import org.hotline12345.intake.IntakeState;
import org.hotline12345.intake.IntakeViews;
import org.hotline12345.partner.PartnerViews.Caller;
import org.hotline12345.partner.PartnerViews.Feedback;
import org.hotline12345.partner.PartnerViews.Submission;
import org.hotline12345.partner.PartnerViews.Submitted;
import org.hotline12345.security.Actor;
import org.hotline12345.user.Role;
import org.hotline12345.workorder.WorkOrderExchange;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What partners send in: work orders (idempotent on the partner and its external id; into the agents' 待受理, or
 * registered at once for a trusted partner) and their reports on work orders the hotline handed to them.
 */
@ApplicationScoped
public class PartnerInbound {

    @Inject
    EntityManager entityManager;

    @Inject
    IntakeService intake;

    @Inject
    AreaDirectory areas;

    @Inject
    CategoryDirectory categories;

    @Inject
    WorkOrderExchange exchange;

    @Inject
    Clock clock;

    /** A work order a partner submitted, or the work order it named; the external id it gave. */
    record Link(String number, String externalId, String direction, String bodyHash) {
    }

    /**
     * Takes a partner's work order. A retry with the same body answers with what the first created; the same external
     * id with another body is a conflict. Names of districts or categories the hotline does not know are kept as the
     * partner wrote them and flagged for the agent, who registers the request by hand.
     *
     * @param bodyHash the SHA-256 of the body as signed
     */
    public Submitted submit(Caller partner, Submission submission, String bodyHash) {
        if (!partner.requestTypes().contains(submission.requestType())) {
            throw InvalidFieldException.unacceptable("requestType", "allowed",
                    "本合作方不可提交此类诉求：" + submission.requestType().name());
        }
        Optional<Submitted> earlier = earlier(partner, submission.externalId(), bodyHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<String> flags = flags(submission);
        String number = intake.reserveNumber();
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            int inserted = entityManager.createNativeQuery("""
                    insert into partner_work_order (partner_id, external_id, number, direction, body_hash, flags,
                        created_at)
                    values (?1, ?2, ?3, 'SUBMITTED', ?4, ?5, ?6) on conflict do nothing""")
                    .setParameter(1, partner.id()).setParameter(2, submission.externalId()).setParameter(3, number)
                    .setParameter(4, bodyHash).setParameter(5, flags.isEmpty() ? null : String.join("；", flags))
                    .setParameter(6, clock.instant()).executeUpdate();
            if (inserted == 0) {
                return false;
            }
            intake.submitFromPartner(number, intakeSubmission(submission), sourceDetail(partner, submission, flags));
            return true;
        });
        if (!stored) {
            // a retry sent while the first was being stored: answered as any retry
            return earlier(partner, submission.externalId(), bodyHash).orElseThrow();
        }
        if (partner.trusted() && flags.isEmpty() && submission.categoryCode() != null) {
            intake.register(number, intake.registration(number, correction(submission)),
                    actorOf(partner.code(), partner.name()));
            return new Submitted(submission.externalId(), number, "REGISTERED", false, flags);
        }
        return new Submitted(submission.externalId(), number, "PENDING", false, flags);
    }

    /**
     * Where a work order shared with a partner stands, as the partner may see it.
     *
     * @param state {@code PENDING} (待受理), {@code REFUSED} (不予受理), or the work order's status
     */
    public record Status(String externalId, String number, String state, String stateLabel, String department,
            String reply, String refusalReason) {
    }

    @Transactional
    public Optional<Status> status(Caller partner, String externalId) {
        return link(partner.id(), externalId).flatMap(link -> {
            Optional<IntakeViews.OnlineRequest> request = intake.find(link.number())
                    .filter(found -> found.state() != IntakeState.REGISTERED);
            if (request.isPresent()) {
                return Optional.of(new Status(externalId, link.number(), request.get().state().name(),
                        Labels.label(request.get().state()), null, null, request.get().refusalReason()));
            }
            return exchange.find(link.number()).map(order -> new Status(externalId, link.number(),
                    order.status().name(), Labels.label(order.status()), order.leadDepartment(),
                    order.approvedReply(), null));
        });
    }

    /**
     * Records what a partner reports about a work order handed to it, once per feedback id, on the work order's
     * history.
     */
    @Transactional
    public boolean feedback(Caller partner, String number, Feedback feedback) {
        Link link = link(partner.id(), number).filter(found -> "HANDED_OVER".equals(found.direction()))
                .orElseThrow(() -> new ResourceNotFoundException("转给本合作方的工单", number));
        int inserted = entityManager.createNativeQuery("""
                insert into partner_feedback (partner_id, feedback_id, number, kind, text, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, partner.id()).setParameter(2, feedback.feedbackId()).setParameter(3, link.number())
                .setParameter(4, feedback.kind().name()).setParameter(5, feedback.text().strip())
                .setParameter(6, clock.instant()).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        String summary = partner.name() + (feedback.kind() == PartnerViews.FeedbackKind.ACCEPTED ? " 已受理" : " 反馈办理结果");
        exchange.recordPartnerExchange(link.number(), summary, feedback.text().strip(), clock.instant());
        return true;
    }

    /** The partner's link to a work order by its external id (its own, or the number for one handed to it). */
    @Transactional
    Optional<Link> link(long partnerId, String externalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select number, external_id, direction, body_hash from partner_work_order
                where partner_id = ?1 and external_id = ?2""")
                .setParameter(1, partnerId).setParameter(2, externalId).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Link((String) row[0], (String) row[1], (String) row[2], (String) row[3]));
    }

    /** The partners that share this work order, with the external id each knows it by. */
    @Transactional
    List<Object[]> sharers(String number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select partner_id, external_id from partner_work_order where number = ?1 order by partner_id")
                .setParameter(1, number).getResultList();
        return rows;
    }

    /** The actor a trusted partner's direct registration is recorded under. */
    static Actor actorOf(String code, String name) {
        return new Actor(0, "partner:" + code, name, Role.AGENT, null);
    }

    private Optional<Submitted> earlier(Caller partner, String externalId, String bodyHash) {
        return link(partner.id(), externalId).map(link -> {
            if (!"SUBMITTED".equals(link.direction())) {
                throw new ConflictException("外部编号 " + externalId + " 是热线转给本合作方的工单编号");
            }
            if (!link.bodyHash().equals(bodyHash)) {
                throw new ConflictException("外部编号 " + externalId + " 已提交过不同的内容；新的诉求请使用新的外部编号");
            }
            String state = intake.find(link.number()).map(request -> request.state().name()).orElse("REGISTERED");
            return new Submitted(externalId, link.number(), state, true, List.of());
        });
    }

    private List<String> flags(Submission submission) {
        List<String> flags = new ArrayList<>();
        PartnerViews.LocationInput location = submission.location();
        String district = location == null ? null : location.district();
        if (district != null && !district.isBlank()) {
            Optional<DistrictView> known = areas.all().stream().filter(d -> d.name().equals(district.strip()))
                    .findFirst();
            if (known.isEmpty()) {
                flags.add("区县“" + district.strip() + "”不在本市区划中");
            } else if (location.street() != null && !location.street().isBlank()
                    && !known.get().streets().contains(location.street().strip())) {
                flags.add("街道“" + location.street().strip() + "”不在" + district.strip() + "的街道中");
            }
        }
        if (submission.categoryCode() != null && !submission.categoryCode().isBlank()) {
            Optional<CategoryView> category = categories.byCode(submission.categoryCode().strip());
            if (category.isEmpty() || !category.get().active()) {
                flags.add("分类编码“" + submission.categoryCode().strip() + "”无效"
                        + (submission.categoryName() == null ? "" : "，对方分类：" + submission.categoryName()));
            }
        } else if (submission.categoryName() != null && !submission.categoryName().isBlank()) {
            flags.add("对方分类“" + submission.categoryName().strip() + "”，请选择本市分类");
        }
        return flags;
    }

    private static String sourceDetail(Caller partner, Submission submission, List<String> flags) {
        return partner.name() + "，外部编号 " + submission.externalId()
                + (flags.isEmpty() ? "" : "；请核对：" + String.join("；", flags));
    }

    private static IntakeViews.Submission intakeSubmission(Submission submission) {
        PartnerViews.LocationInput location = submission.location();
        return new IntakeViews.Submission(IntakeSource.PARTNER, submission.requestType(), submission.title().strip(),
                submission.content().strip(), location == null ? null : blankToNull(location.district()),
                location == null ? null : blankToNull(location.street()),
                location == null ? null : blankToNull(location.address()),
                null, null, submission.citizen().name().strip(), submission.citizen().phone().strip(),
                Boolean.TRUE.equals(submission.citizen().confidential()), null, List.of());
    }

    private static IntakeService.Correction correction(Submission submission) {
        PartnerViews.LocationInput location = submission.location();
        return new IntakeService.Correction(submission.requestType(), submission.title().strip(),
                submission.content().strip(), location == null ? null : blankToNull(location.district()),
                location == null ? null : blankToNull(location.street()),
                location == null ? null : blankToNull(location.address()),
                submission.categoryCode().strip(), false, false, null);
    }
}
