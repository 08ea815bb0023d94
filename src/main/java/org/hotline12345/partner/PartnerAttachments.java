package org.hotline12345.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.intake.IntakeService;
import org.hotline12345.intake.IntakeState;
import org.hotline12345.partner.PartnerViews.Caller;
import org.hotline12345.workorder.AttachmentService;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A partner's attachments to the work orders it submitted, uploaded after the submission (one file per request,
 * signed like any other): checked against the attachment rules at once; attached to the work order when it exists,
 * else kept until the request is registered (受理). Idempotent on the file's digest.
 */
@ApplicationScoped
public class PartnerAttachments {

    private static final Logger LOG = Logger.getLogger(PartnerAttachments.class);

    /** What the partner is told: attached to the work order, or kept until 受理. */
    public record Uploaded(String externalId, String number, String fileName, boolean attached) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    PartnerInbound inbound;

    @Inject
    IntakeService intake;

    @Inject
    AttachmentService attachments;

    @Inject
    Clock clock;

    public Uploaded upload(Caller partner, String externalId, String fileName, byte[] content) {
        PartnerInbound.Link link = inbound.link(partner.id(), externalId)
                .filter(found -> "SUBMITTED".equals(found.direction()))
                .orElseThrow(() -> new ResourceNotFoundException("本合作方提交的工单", externalId));
        Path file = temporary(content);
        try {
            attachments.check(fileName, file);
            IntakeState state = intake.find(link.number()).map(request -> request.state())
                    .orElse(IntakeState.REGISTERED);
            if (state == IntakeState.REFUSED) {
                throw new ConflictException("诉求 " + link.number() + " 已不予受理，不再接收附件");
            }
            String digest = PartnerSignatures.sha256Hex(content);
            boolean kept = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    insert into partner_attachment (partner_id, external_id, sha256, file_name, content, received_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                    .setParameter(1, partner.id()).setParameter(2, externalId).setParameter(3, digest)
                    .setParameter(4, fileName).setParameter(5, content).setParameter(6, clock.instant())
                    .executeUpdate() == 1);
            if (kept && state == IntakeState.REGISTERED) {
                attachNow(partner, externalId, link.number(), digest, fileName, file);
            }
            return new Uploaded(externalId, link.number(), fileName, attached(partner.id(), externalId, digest));
        } finally {
            delete(file);
        }
    }

    /** Attaches what a partner's request brought along, now that it is a work order; a refused file is logged. */
    @Transactional(Transactional.TxType.MANDATORY)
    void attachKept(long partnerId, String externalId, String number) {
        Object[] partner = (Object[]) entityManager.createNativeQuery("select code, name from partner where id = ?1")
                .setParameter(1, partnerId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> kept = entityManager.createNativeQuery("""
                select sha256, file_name, content from partner_attachment
                where partner_id = ?1 and external_id = ?2 and not attached order by id""")
                .setParameter(1, partnerId).setParameter(2, externalId).getResultList();
        for (Object[] row : kept) {
            Path file = temporary((byte[]) row[2]);
            try {
                attachments.attach(number, (String) row[1], file,
                        PartnerInbound.actorOf((String) partner[0], (String) partner[1]));
                markAttached(partnerId, externalId, (String) row[0]);
            } catch (RuntimeException e) {
                LOG.warnf("A partner's attachment to %s could not be attached: %s", number, e.getMessage());
            } finally {
                delete(file);
            }
        }
    }

    private void attachNow(Caller partner, String externalId, String number, String digest, String fileName,
            Path file) {
        attachments.attach(number, fileName, file, PartnerInbound.actorOf(partner.code(), partner.name()));
        QuarkusTransaction.requiringNew().run(() -> markAttached(partner.id(), externalId, digest));
    }

    private void markAttached(long partnerId, String externalId, String digest) {
        entityManager.createNativeQuery("""
                update partner_attachment set attached = true, content = null
                where partner_id = ?1 and external_id = ?2 and sha256 = ?3""")
                .setParameter(1, partnerId).setParameter(2, externalId).setParameter(3, digest).executeUpdate();
    }

    private boolean attached(long partnerId, String externalId, String digest) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager.createNativeQuery(
                "select attached from partner_attachment where partner_id = ?1 and external_id = ?2 and sha256 = ?3")
                .setParameter(1, partnerId).setParameter(2, externalId).setParameter(3, digest).getSingleResult());
    }

    private static Path temporary(byte[] content) {
        try {
            Path file = Files.createTempFile("partner-attachment", ".upload");
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Could not delete %s", file);
        }
    }
}
