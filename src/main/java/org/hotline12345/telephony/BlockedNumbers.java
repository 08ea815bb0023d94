package org.hotline12345.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.security.Actor;
import org.hotline12345.telephony.TelephonyViews.BlockedNumberView;

/** Numbers blocked for harassment, kept by supervisors; the IVR refuses them until the block expires. */
@ApplicationScoped
public class BlockedNumbers {

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Transactional
    public List<BlockedNumberView> all() {
        return entityManager.createQuery("from BlockedNumber order by blockedAt desc", BlockedNumber.class)
                .getResultList().stream().map(this::view).toList();
    }

    /** Blocks a number, or renews its block with the new reason and expiry. */
    @Transactional
    public BlockedNumberView block(TelephonyRequests.Block request, Actor actor) {
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw InvalidFieldException.unacceptable("expiresAt", "Future", "must be in the future");
        }
        String phone = key(request.phone());
        BlockedNumber blocked = entityManager.find(BlockedNumber.class, phone);
        if (blocked == null) {
            blocked = new BlockedNumber(phone, request.reason().strip(), actor.username(), now, request.expiresAt());
            entityManager.persist(blocked);
        } else {
            blocked.renew(request.reason().strip(), actor.username(), now, request.expiresAt());
        }
        return view(blocked);
    }

    @Transactional
    public void unblock(String phone) {
        BlockedNumber blocked = entityManager.find(BlockedNumber.class, key(phone));
        if (blocked == null) {
            throw new ResourceNotFoundException("黑名单号码", phone);
        }
        entityManager.remove(blocked);
    }

    /** Whether the number is blocked now; the portal refuses it as the IVR does. */
    @Transactional
    public boolean isBlocked(String phone) {
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from blocked_number where phone = phone_key(?1) and (expires_at is null or expires_at > ?2)")
                .setParameter(1, phone).setParameter(2, clock.instant()).getSingleResult()).longValue() > 0;
    }

    /** The number as the database compares numbers (phone_key). */
    private String key(String phone) {
        return (String) entityManager.createNativeQuery("select phone_key(?1)").setParameter(1, phone)
                .getSingleResult();
    }

    private BlockedNumberView view(BlockedNumber blocked) {
        return new BlockedNumberView(blocked.getPhone(), blocked.getReason(), blocked.getBlockedBy(),
                blocked.getBlockedAt().atZone(calendar.zone()).toOffsetDateTime(),
                blocked.getExpiresAt() == null
                        ? null
                        : blocked.getExpiresAt().atZone(calendar.zone()).toOffsetDateTime());
    }
}
