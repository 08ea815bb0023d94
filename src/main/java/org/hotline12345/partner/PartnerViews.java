package org.hotline12345.partner;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline12345.workorder.RequestType;

/** What the partner package takes and answers with. */
public final class PartnerViews {

    private PartnerViews() {
    }

    /** An administrator registers a partner. */
    public record NewPartner(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,31}", message = "编码为 2–32 位小写字母、数字或连字符") String code,
            @NotBlank @Size(max = 100) String name, @NotNull PartnerKind kind,
            @NotEmpty(message = "请至少选择一种可提交的诉求类型") Set<RequestType> requestTypes,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "回调地址须以 http:// 或 https:// 开头") String callbackUrl,
            boolean trusted) {
    }

    /** An administrator changes what a partner may do and where it hears back. */
    public record PartnerChange(@NotEmpty(message = "请至少选择一种可提交的诉求类型") Set<RequestType> requestTypes,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "回调地址须以 http:// 或 https:// 开头") String callbackUrl,
            boolean trusted) {
    }

    /** A new API key and signing secret, shown once: only a hash and an encrypted copy are kept. */
    public record Credentials(String code, String apiKey, String secret) {
    }

    /** An API key as the administrators see it: its first characters only. */
    public record CredentialView(String apiKeyPrefix, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    }

    public record PartnerView(String code, String name, PartnerKind kind, Set<RequestType> requestTypes,
            String callbackUrl, boolean trusted, boolean paused, long requestsReceived, long requestsRefused,
            long eventsDelivered, long eventsPending, long eventsDead, OffsetDateTime createdAt,
            OffsetDateTime lastRequestAt, List<CredentialView> credentials) {
    }

    /** The partner a signed request came from. */
    public record Caller(long id, String code, String name, PartnerKind kind, Set<RequestType> requestTypes,
            boolean trusted) {
    }

    /** A citizen as the partner has them. */
    public record CitizenInput(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 32) String phone,
            Boolean confidential) {
    }

    /** A place as the partner has it: names the hotline does not know are kept as text and flagged. */
    public record LocationInput(@Size(max = 50) String district, @Size(max = 50) String street,
            @Size(max = 200) String address) {
    }

    /**
     * A work order a partner submits.
     *
     * @param categoryCode the hotline's category code, where the partner knows it
     * @param categoryName the partner's own name for the matter's category, kept as text
     */
    public record Submission(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7e]+", message = "外部编号只能含可打印的 ASCII 字符") String externalId,
            @NotNull RequestType requestType, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 10000) String content, @NotNull @Valid CitizenInput citizen,
            @Valid LocationInput location, @Size(max = 20) String categoryCode, @Size(max = 100) String categoryName) {
    }

    /**
     * What the partner is answered for a submission.
     *
     * @param state {@code PENDING}: waits in the agents' 待受理; {@code REGISTERED}: a work order already
     * @param duplicate this external id had been submitted before with the same body: nothing new was created
     */
    public record Submitted(String externalId, String number, String state, boolean duplicate, List<String> flags) {
    }

    /** What a partner reports about a work order handed to it (110's 受理 or result; another city's result). */
    public record Feedback(@NotBlank @Size(max = 64) String feedbackId, @NotNull FeedbackKind kind,
            @NotBlank @Size(max = 2000) String text) {
    }

    public enum FeedbackKind {
        /** 已受理 */
        ACCEPTED,
        /** 办理结果 */
        RESULT
    }

    /**
     * An agent hands a work order to 110 (警单) or another city's platform (转外地).
     *
     * @param call what becomes of the call the work order came from (a 警单 only); absent: nothing
     */
    public record Handover(@NotBlank String partnerCode, @Size(max = 500) String note, HandoverCall call) {

        /** A handover that leaves the call alone. */
        public Handover(String partnerCode, String note) {
            this(partnerCode, note, HandoverCall.NONE);
        }

        /** What to do with the call; absent means {@link HandoverCall#NONE}. */
        public HandoverCall callStep() {
            return call == null ? HandoverCall.NONE : call;
        }
    }

    /** An outbox event as the administrators see it. */
    public record DeliveryView(long id, String eventId, String partnerCode, String partnerName, long position,
            String workOrderNumber, PartnerEventType type, String state, int attempts, OffsetDateTime createdAt,
            OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, String lastError) {
    }

    /** A page of the change feed: events after the cursor, and the cursor to ask from next. */
    public record Changes(List<com.fasterxml.jackson.databind.JsonNode> events, long next) {
    }
}
