package org.hotline12345.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.sms.SmsKind;
import org.hotline12345.sms.SmsQueue;

/**
 * One-time codes texted to a phone to prove it: six digits, valid for a few minutes, tried a few times at most, used
 * once; stored only as a hash. Sending is limited per phone (an interval and a daily number) and per client address.
 */
@ApplicationScoped
public class VerificationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    SmsQueue sms;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock;

    /**
     * Texts a new code to {@code phone}.
     *
     * @return the code, which the page shows only where no SMSC is configured in development
     * @throws PortalRefusal when the phone or the address asked too often
     */
    @Transactional
    public String send(String phone, CodePurpose purpose, String clientAddress) {
        Instant now = clock.instant();
        entityManager.createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtext('portal_code:' || phone_key(?1)))) locked")
                .setParameter(1, phone).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> recent = entityManager.createNativeQuery("""
                select count(*), max(created_at) from portal_code
                where phone_key(phone) = phone_key(?1) and created_at > ?2""")
                .setParameter(1, phone).setParameter(2, now.minus(Duration.ofDays(1))).getResultList();
        long today = ((Number) recent.get(0)[0]).longValue();
        Instant last = (Instant) recent.get(0)[1];
        if (last != null && last.plus(config.codeInterval()).isAfter(now)) {
            throw PortalRefusal.tooMany("验证码已发送，请 " + config.codeInterval().toSeconds() + " 秒后再获取");
        }
        if (today >= config.codesPerPhonePerDay()) {
            throw PortalRefusal.tooMany("该手机号今天获取验证码的次数已达上限，请明天再试或拨打 12345");
        }
        long fromAddress = ((Number) entityManager.createNativeQuery(
                "select count(*) from portal_code where client_address = ?1 and created_at > ?2")
                .setParameter(1, clientAddress).setParameter(2, now.minus(Duration.ofHours(1))).getSingleResult())
                .longValue();
        if (fromAddress >= config.codesPerAddressPerHour()) {
            throw PortalRefusal.tooMany("获取验证码过于频繁，请稍后再试");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        entityManager.createNativeQuery("""
                insert into portal_code (phone, purpose, code_hash, client_address, created_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, phone).setParameter(2, purpose.name()).setParameter(3, hash(phone, code))
                .setParameter(4, clientAddress).setParameter(5, now).setParameter(6, now.plus(config.codeValidity()))
                .executeUpdate();
        sms.queue(SmsKind.VERIFICATION_CODE, phone,
                Map.of("code", code, "minutes", String.valueOf(config.codeValidity().toMinutes())), null);
        return code;
    }

    /**
     * Uses the phone's latest code of this purpose: right, unexpired, unused and not tried too often. A wrong entry
     * counts against it.
     *
     * @throws PortalRefusal saying why the code does not prove the phone
     */
    @Transactional(dontRollbackOn = PortalRefusal.class)
    public void use(String phone, CodePurpose purpose, String code) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> latest = entityManager.createNativeQuery("""
                select id, code_hash, expires_at, attempts, used_at from portal_code
                where phone_key(phone) = phone_key(?1) and purpose = ?2
                order by created_at desc limit 1 for update""")
                .setParameter(1, phone).setParameter(2, purpose.name()).getResultList();
        if (latest.isEmpty()) {
            throw PortalRefusal.invalid("请先获取短信验证码");
        }
        Object[] row = latest.get(0);
        long id = ((Number) row[0]).longValue();
        if (row[4] != null) {
            throw PortalRefusal.invalid("验证码已使用，请重新获取");
        }
        if (((Number) row[3]).intValue() >= config.codeAttempts()) {
            throw PortalRefusal.invalid("验证码输错次数过多，请重新获取");
        }
        if (!now.isBefore((Instant) row[2])) {
            throw PortalRefusal.invalid("验证码已过期，请重新获取");
        }
        if (code == null || !MessageDigest.isEqual(hash(phone, code.strip()).getBytes(StandardCharsets.US_ASCII),
                ((String) row[1]).getBytes(StandardCharsets.US_ASCII))) {
            entityManager.createNativeQuery("update portal_code set attempts = attempts + 1 where id = ?1")
                    .setParameter(1, id).executeUpdate();
            throw PortalRefusal.invalid("验证码不正确");
        }
        entityManager.createNativeQuery("update portal_code set used_at = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, now).executeUpdate();
    }

    static String hash(String salt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
