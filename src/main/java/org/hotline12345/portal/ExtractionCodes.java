package org.hotline12345.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * 提取码: the code the receipt gives with the number of an online request, so that whoever holds both may follow it.
 * Eight characters without look-alikes (no 0/O, 1/I/L), kept only as a hash; wrong tries against a number pause the
 * lookups by 提取码 for a while.
 */
@ApplicationScoped
public class ExtractionCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock;

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Keeps the code of a new online request, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void store(String number, String phone, String code) {
        entityManager.createNativeQuery(
                "insert into portal_access (number, phone, extraction_code_hash) values (?1, ?2, ?3)")
                .setParameter(1, number).setParameter(2, phone).setParameter(3, VerificationCodes.hash(number, code))
                .executeUpdate();
    }

    /** Whether the work order came in through the portal, and from which phone. */
    @Transactional
    Optional<String> phoneOf(String number) {
        @SuppressWarnings("unchecked")
        List<String> phones = entityManager.createNativeQuery("select phone from portal_access where number = ?1")
                .setParameter(1, number).getResultList();
        return phones.stream().findFirst();
    }

    /**
     * Whether {@code code} is the number's 提取码. Every wrong try counts; after too many, even the right code is
     * refused until the pause ends, and the same answer is given for a number that does not exist.
     */
    @Transactional(dontRollbackOn = PortalRefusal.class)
    void check(String number, String code) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select extraction_code_hash, failed_attempts, locked_until from portal_access where number = ?1"
                        + " for update")
                .setParameter(1, number).getResultList();
        if (rows.isEmpty()) {
            throw PortalRefusal.invalid("工单编号或提取码不正确");
        }
        Object[] row = rows.get(0);
        if (row[2] != null && now.isBefore((Instant) row[2])) {
            throw PortalRefusal.tooMany("提取码输错次数过多，请 " + config.lockout().toMinutes() + " 分钟后再试，或用手机号验证查询");
        }
        String given = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (MessageDigest.isEqual(VerificationCodes.hash(number, given).getBytes(StandardCharsets.US_ASCII),
                ((String) row[0]).getBytes(StandardCharsets.US_ASCII))) {
            entityManager.createNativeQuery(
                    "update portal_access set failed_attempts = 0, locked_until = null where number = ?1")
                    .setParameter(1, number).executeUpdate();
            return;
        }
        int failed = ((Number) row[1]).intValue() + 1;
        boolean lock = failed >= config.extractionCodeAttempts();
        entityManager.createNativeQuery(
                "update portal_access set failed_attempts = ?2, locked_until = ?3 where number = ?1")
                .setParameter(1, number).setParameter(2, lock ? 0 : failed)
                .setParameter(3, lock ? now.plus(config.lockout()) : null).executeUpdate();
        throw PortalRefusal.invalid("工单编号或提取码不正确");
    }
}
