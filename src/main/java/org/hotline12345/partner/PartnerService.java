package org.hotline12345.partner;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.common.SecretFiles;
import org.hotline12345.common.ServiceUnavailableException;
import org.hotline12345.partner.PartnerViews.Caller;
import org.hotline12345.partner.PartnerViews.CredentialView;
import org.hotline12345.partner.PartnerViews.Credentials;
import org.hotline12345.partner.PartnerViews.NewPartner;
import org.hotline12345.partner.PartnerViews.PartnerChange;
import org.hotline12345.partner.PartnerViews.PartnerView;
import org.hotline12345.workorder.RequestType;

import io.quarkus.runtime.LaunchMode;

/**
 * The partner registry: administrators register partners, rotate their credentials (the old pair stays valid for
 * {@code rotation-overlap}), pause and resume them; signed requests are traced back to their partner here. API keys
 * are kept as SHA-256 hashes, secrets encrypted ({@link SecretBox}); both are shown once, when made.
 */
@ApplicationScoped
public class PartnerService {

    private static final String KEY_PREFIX = "pk_";

    @Inject
    EntityManager entityManager;

    @Inject
    PartnerConfig config;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @ConfigProperty(name = "hotline.embedded-db.active", defaultValue = "false")
    boolean embeddedDatabase;

    private volatile SecretBox box;

    @Transactional
    public Credentials register(NewPartner partner) {
        if (partnerId(partner.code()).isPresent()) {
            throw new ConflictException("编码 " + partner.code() + " 已被合作方使用");
        }
        long id = ((Number) entityManager.createNativeQuery("""
                insert into partner (code, name, kind, request_types, callback_url, trusted, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id""")
                .setParameter(1, partner.code()).setParameter(2, partner.name().strip())
                .setParameter(3, partner.kind().name()).setParameter(4, types(partner.requestTypes()))
                .setParameter(5, blankToNull(partner.callbackUrl())).setParameter(6, partner.trusted())
                .setParameter(7, clock.instant()).getSingleResult()).longValue();
        return issue(id, partner.code());
    }

    @Transactional
    public void change(String code, PartnerChange change) {
        int updated = entityManager.createNativeQuery(
                "update partner set request_types = ?2, callback_url = ?3, trusted = ?4 where code = ?1")
                .setParameter(1, code).setParameter(2, types(change.requestTypes()))
                .setParameter(3, blankToNull(change.callbackUrl())).setParameter(4, change.trusted())
                .executeUpdate();
        if (updated == 0) {
            throw new ResourceNotFoundException("合作方", code);
        }
    }

    /**
     * A new API key and secret; the pairs issued before stay valid until {@code rotation-overlap} from now (or their
     * earlier expiry), so that the partner can switch without a moment when neither works.
     */
    @Transactional
    public Credentials rotate(String code) {
        long id = require(code);
        Instant overlapEnds = clock.instant().plus(config.rotationOverlap());
        entityManager.createNativeQuery("""
                update partner_credential set expires_at = ?2
                where partner_id = ?1 and (expires_at is null or expires_at > ?2)""")
                .setParameter(1, id).setParameter(2, overlapEnds).executeUpdate();
        return issue(id, code);
    }

    /** 暂停: its requests are refused and nothing is pushed to it until it is resumed; nothing is lost meanwhile. */
    @Transactional
    public void setPaused(String code, boolean paused) {
        entityManager.createNativeQuery("update partner set paused = ?2 where id = ?1").setParameter(1, require(code))
                .setParameter(2, paused).executeUpdate();
    }

    @Transactional
    public List<PartnerView> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select p.id, p.code, p.name, p.kind, p.request_types, p.callback_url, p.trusted, p.paused,
                    p.requests_received, p.requests_refused, p.events_delivered,
                    (select count(*) from partner_event e where e.partner_id = p.id and e.state = 'PENDING'),
                    (select count(*) from partner_event e where e.partner_id = p.id and e.state = 'DEAD'),
                    p.created_at, p.last_request_at
                from partner p order by p.name""").getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> keys = entityManager.createNativeQuery("""
                select partner_id, api_key_prefix, created_at, expires_at from partner_credential
                where expires_at is null or expires_at > ?1 order by created_at desc""")
                .setParameter(1, clock.instant()).getResultList();
        Map<Long, List<CredentialView>> credentials = keys.stream().collect(Collectors.groupingBy(
                row -> ((Number) row[0]).longValue(), Collectors.mapping(
                        row -> new CredentialView((String) row[1], time(row[2]), time(row[3])), Collectors.toList())));
        return rows.stream().map(row -> new PartnerView((String) row[1], (String) row[2],
                PartnerKind.valueOf((String) row[3]), parseTypes((String) row[4]), (String) row[5], (Boolean) row[6],
                (Boolean) row[7], ((Number) row[8]).longValue(), ((Number) row[9]).longValue(),
                ((Number) row[10]).longValue(), ((Number) row[11]).longValue(), ((Number) row[12]).longValue(),
                time(row[13]), time(row[14]),
                credentials.getOrDefault(((Number) row[0]).longValue(), List.of()))).toList();
    }

    public PartnerView find(String code) {
        return all().stream().filter(partner -> partner.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("合作方", code));
    }

    /** The partner whose API key this is, and the secret that goes with the key, if the key is valid now. */
    @Transactional
    public Optional<Authenticated> byApiKey(String apiKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select p.id, p.code, p.name, p.kind, p.request_types, p.trusted, p.paused, c.secret_encrypted
                from partner_credential c join partner p on p.id = c.partner_id
                where c.api_key_hash = ?1 and (c.expires_at is null or c.expires_at > ?2)""")
                .setParameter(1, PartnerSignatures.sha256Hex(apiKey)).setParameter(2, clock.instant())
                .getResultList();
        return rows.stream().findFirst().map(row -> new Authenticated(
                new Caller(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        PartnerKind.valueOf((String) row[3]), parseTypes((String) row[4]), (Boolean) row[5]),
                (Boolean) row[6], box().open((String) row[7])));
    }

    /** The secret the partner's events are signed with: that of its newest credentials. */
    @Transactional
    public String currentSecret(long partnerId) {
        return box().open((String) entityManager.createNativeQuery("""
                select secret_encrypted from partner_credential where partner_id = ?1
                order by created_at desc, id desc limit 1""").setParameter(1, partnerId).getSingleResult());
    }

    /** The partners the hotline may hand work orders to (110, the provincial platform), 110 first. */
    @Transactional
    public List<Caller> handoverTargets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, code, name, kind, request_types, trusted from partner where kind in ?1
                order by case kind when 'POLICE_110' then 0 else 1 end, name""")
                .setParameter(1, Arrays.stream(PartnerKind.values()).filter(PartnerKind::takesHandovers)
                        .map(Enum::name).toList())
                .getResultList();
        return rows.stream().map(row -> new Caller(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                PartnerKind.valueOf((String) row[3]), parseTypes((String) row[4]), (Boolean) row[5])).toList();
    }

    /** A partner found by its code, for the hotline's own steps (a handover). */
    @Transactional
    public Caller byCode(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, code, name, kind, request_types, trusted from partner where code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Caller(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        PartnerKind.valueOf((String) row[3]), parseTypes((String) row[4]), (Boolean) row[5]))
                .orElseThrow(() -> new ResourceNotFoundException("合作方", code));
    }

    /** Counts a request of the partner's: taken, or refused (a bad signature with its key, paused, malformed). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void count(long partnerId, boolean refused) {
        entityManager.createNativeQuery("""
                update partner set requests_received = requests_received + 1,
                    requests_refused = requests_refused + case when ?2 then 1 else 0 end, last_request_at = ?3
                where id = ?1""").setParameter(1, partnerId).setParameter(2, refused)
                .setParameter(3, clock.instant()).executeUpdate();
    }

    /** A request already counted as taken was refused after all (its body malformed). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countRefused(long partnerId) {
        entityManager.createNativeQuery("update partner set requests_refused = requests_refused + 1 where id = ?1")
                .setParameter(1, partnerId).executeUpdate();
    }

    /** A partner's API key with the secret that signs its requests, and whether it is paused. */
    public record Authenticated(Caller caller, boolean paused, String secret) {
    }

    private Credentials issue(long partnerId, String code) {
        String apiKey = KEY_PREFIX + SecretFiles.generate();
        String secret = SecretFiles.generate();
        entityManager.createNativeQuery("""
                insert into partner_credential (partner_id, api_key_hash, api_key_prefix, secret_encrypted, created_at)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, partnerId).setParameter(2, PartnerSignatures.sha256Hex(apiKey))
                .setParameter(3, apiKey.substring(0, 10)).setParameter(4, box().seal(secret))
                .setParameter(5, clock.instant()).executeUpdate();
        return new Credentials(code, apiKey, secret);
    }

    private long require(String code) {
        return partnerId(code).orElseThrow(() -> new ResourceNotFoundException("合作方", code));
    }

    private Optional<Long> partnerId(String code) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("select id from partner where code = ?1")
                .setParameter(1, code).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /**
     * The configured key; else, on the embedded defaults (and in dev and test), the one kept in the key file; else
     * none: instances that each made their own key could not read each other's secrets.
     */
    private SecretBox box() {
        if (box == null) {
            Optional<String> configured = config.secretKey().filter(key -> !key.isBlank());
            if (configured.isPresent() && configured.get().length() < 16) {
                throw new ServiceUnavailableException(
                        "HOTLINE_PARTNER_SECRET_KEY (hotline.partner.secret-key) must have at least 16 characters",
                        null);
            }
            if (configured.isEmpty() && !embeddedDatabase && LaunchMode.current() == LaunchMode.NORMAL) {
                throw new ServiceUnavailableException("Set HOTLINE_PARTNER_SECRET_KEY (hotline.partner.secret-key) "
                        + "to 32 or more random characters, the same on every instance, before registering partners",
                        null);
            }
            box = new SecretBox(configured.orElseGet(() -> SecretFiles.readOrCreate(config.secretKeyFile())));
        }
        return box;
    }

    private OffsetDateTime time(Object value) {
        return value == null ? null : ((Instant) value).atZone(calendar.zone()).toOffsetDateTime();
    }

    private static String types(Set<RequestType> types) {
        return types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<RequestType> parseTypes(String types) {
        Set<RequestType> parsed = EnumSet.noneOf(RequestType.class);
        Arrays.stream(types.split(",")).filter(type -> !type.isBlank()).map(RequestType::valueOf)
                .forEach(parsed::add);
        return parsed;
    }
}
