package org.hotline12345.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.common.ActionForbiddenException;
import org.hotline12345.partner.PartnerService.Authenticated;
import org.hotline12345.partner.PartnerViews.Caller;

/**
 * Lets a partner's request in: a valid API key ({@code X-Api-Key}), a timestamp ({@code X-Timestamp}, seconds since
 * the epoch) within the replay window, and the signature ({@code X-Signature}) of the canonical string (see
 * {@link PartnerSignatures}) with the secret of that key. A replay inside the window does no harm: every POST is
 * idempotent (the external id, the feedback id). Every request with a known key counts in the partner's traffic.
 */
@ApplicationScoped
public class PartnerGate {

    public static final String API_KEY = "X-Api-Key";

    @Inject
    PartnerService partners;

    @Inject
    PartnerConfig config;

    @Inject
    Clock clock;

    public Caller admit(String method, String pathAndQuery, String apiKey, String timestamp, String signature,
            byte[] body) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new PartnerAuthenticationException("缺少 X-Api-Key");
        }
        Authenticated partner = partners.byApiKey(apiKey.strip())
                .orElseThrow(() -> new PartnerAuthenticationException("X-Api-Key 无效或已过期"));
        long partnerId = partner.caller().id();
        if (!withinWindow(timestamp)) {
            partners.count(partnerId, true);
            throw new PartnerAuthenticationException(
                    "X-Timestamp 缺失或与服务器时间相差超过 " + config.replayWindow().toSeconds() + " 秒");
        }
        if (!PartnerSignatures.matches(partner.secret(),
                PartnerSignatures.canonical(method, pathAndQuery, timestamp.strip(), body), signature)) {
            partners.count(partnerId, true);
            throw new PartnerAuthenticationException("X-Signature 与请求不符");
        }
        if (partner.paused()) {
            partners.count(partnerId, true);
            throw new ActionForbiddenException("合作方 " + partner.caller().name() + " 已暂停接入");
        }
        partners.count(partnerId, false);
        return partner.caller();
    }

    /** A request of the partner's refused after it was let in (its body malformed): it counts as refused. */
    public void refused(Caller partner) {
        partners.countRefused(partner.id());
    }

    private boolean withinWindow(String timestamp) {
        if (timestamp == null) {
            return false;
        }
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(at, clock.instant()).abs().compareTo(config.replayWindow()) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }
}
