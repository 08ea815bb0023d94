package org.hotline12345.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline12345.workorder.Channel;
import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrderStepped;
import org.junit.jupiter.api.Test;

/** The partner package's plain rules: signatures, the secrets' encryption, the backoff, which steps partners hear. */
class PartnerRulesTest {

    @Test
    void theSignatureIsHmacSha256InHexOverTheCanonicalString() {
        // RFC 4231, test case 2
        assertThat(PartnerSignatures.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(PartnerSignatures.canonical("get", "/api/partner/v1/changes?after=3", "1765090000", new byte[0]))
                .isEqualTo("GET\n/api/partner/v1/changes?after=3\n1765090000\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        String canonical = PartnerSignatures.canonical("POST", "/x", "1", "{}".getBytes(StandardCharsets.UTF_8));
        String signature = PartnerSignatures.sign("secret", canonical);
        assertThat(PartnerSignatures.matches("secret", canonical, signature.toUpperCase())).isTrue();
        assertThat(PartnerSignatures.matches("other", canonical, signature)).isFalse();
        assertThat(PartnerSignatures.matches("secret", canonical, null)).isFalse();
    }

    @Test
    void secretsAreSealedSoThatOnlyTheKeyOpensThem() {
        SecretBox box = new SecretBox("the service's key, 32 characters");
        String sealed = box.seal("partner-secret");
        assertThat(sealed).doesNotContain("partner-secret").isNotEqualTo(box.seal("partner-secret"));
        assertThat(box.open(sealed)).isEqualTo("partner-secret");
        assertThatThrownBy(() -> new SecretBox("another key of 32 characters....").open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void retriesBackOffExponentiallyUpToTheLongestWait() {
        PartnerConfig.Delivery defaults = new PartnerConfig.Delivery() {
            public Duration retryDelay() {
                return Duration.ofSeconds(30);
            }

            public Duration maxDelay() {
                return Duration.ofHours(1);
            }

            public int maxAttempts() {
                return 20;
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            public int concurrency() {
                return 8;
            }
        };
        assertThat(List.of(1, 2, 3, 7, 8, 19).stream().map(n -> PartnerDelivery.backoff(n, defaults)).toList())
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1));
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < defaults.maxAttempts(); attempt++) {
            total = total.plus(PartnerDelivery.backoff(attempt, defaults));
        }
        assertThat(total).as("retried over hours").isBetween(Duration.ofHours(12), Duration.ofHours(14));
    }

    @Test
    void partnersHearOfTransfersApprovedRepliesClosesAndRatingsOnly() {
        assertThat(Map.of(EventType.DISPATCHED, WorkOrderStatus.DISPATCHED, EventType.REDISPATCHED,
                WorkOrderStatus.DISPATCHED, EventType.REPLY_APPROVED, WorkOrderStatus.REVIEWED,
                EventType.CALLBACK_RECORDED, WorkOrderStatus.CLOSED, EventType.SERVICE_RATED, WorkOrderStatus.CLOSED)
                .entrySet().stream().map(step -> PartnerFollower.typeOf(step(step.getKey(), step.getValue())))
                .toList()).containsExactlyInAnyOrder(PartnerEventType.TRANSFERRED, PartnerEventType.TRANSFERRED,
                        PartnerEventType.REPLIED, PartnerEventType.CLOSED, PartnerEventType.RATED);
        assertThat(List.of(step(EventType.ACCEPTED, WorkOrderStatus.ACCEPTED),
                step(EventType.REPLIED, WorkOrderStatus.REPLIED), step(EventType.URGED, WorkOrderStatus.DISPATCHED),
                step(EventType.REPLY_REJECTED, WorkOrderStatus.DISPATCHED),
                step(EventType.CALLBACK_RECORDED, WorkOrderStatus.REVIEWED)).stream().map(PartnerFollower::typeOf))
                .containsOnlyNulls();
    }

    @Test
    void open311XmlEscapesTextAndWritesEmptyValuesAsEmptyElements() {
        StringBuilder out = new StringBuilder();
        Open311Xml.write(out, "service_requests", "request",
                List.of(new java.util.LinkedHashMap<String, Object>(Map.of("service_notice", "<a & b>"))));
        assertThat(out).hasToString(
                "<service_requests><request><service_notice>&lt;a &amp; b&gt;</service_notice></request></service_requests>");
        StringBuilder empty = new StringBuilder();
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("account_id", null);
        Open311Xml.write(empty, "service_requests", "request", List.of(fields));
        assertThat(empty).hasToString("<service_requests><request><account_id/></request></service_requests>");
    }

    private static WorkOrderStepped step(EventType type, WorkOrderStatus status) {
        return new WorkOrderStepped("N", Channel.WEB, type, status, null, Instant.now());
    }
}
