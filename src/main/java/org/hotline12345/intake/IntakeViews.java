package org.hotline12345.intake;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.hotline12345.workorder.AttachmentService;
import org.hotline12345.workorder.RequestType;

/** What the intake answers with. */
public final class IntakeViews {

    private IntakeViews() {
    }

    /**
     * What a citizen (or a partner) submits.
     *
     * @param clientAddress the address the submission came from, for the flood limits
     * @param attachments photos and documents, already checked by the attachment rules
     */
    public record Submission(IntakeSource source, RequestType requestType, String title, String content,
            String district, String street, String address, String enterpriseName, String creditCode,
            String citizenName, String phone, boolean confidential, String clientAddress,
            List<AttachmentService.SubmittedFile> attachments) {
    }

    /** A file that came with an online request, as the agent's page lists it. */
    public record SubmittedAttachment(String fileName, String contentType, long sizeBytes) {

        /** The size as people read it. */
        public String size() {
            return sizeBytes < 1024 * 1024
                    ? String.format(Locale.ROOT, "%.1f KB", sizeBytes / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
        }
    }

    /**
     * @param duplicate the same request had been submitted within minutes: this is its number, nothing was stored
     */
    public record Receipt(String number, OffsetDateTime submittedAt, boolean duplicate) {
    }

    /**
     * An online request as the agents' list and page show it.
     *
     * @param sourceDetail which partner sent it and what the agent must check (a district or category it named that
     *        the hotline does not know), or {@code null}
     */
    public record OnlineRequest(String number, IntakeSource source, String sourceDetail, IntakeState state,
            RequestType requestType,
            String title, String content, String district, String street, String address, String enterpriseName,
            String creditCode, String citizenName, String phone, boolean confidential, OffsetDateTime submittedAt,
            OffsetDateTime decidedAt, String decidedBy, RefusalKind refusalKind, String refusalReason) {

        /** How long it has waited (or waited) for 受理 or 不予受理, in whole minutes. */
        public long waitedMinutes(OffsetDateTime now) {
            return Duration.between(submittedAt, decidedAt == null ? now : decidedAt).toMinutes();
        }
    }

    /**
     * How fast online requests were answered over a period, against the receipt target.
     *
     * @param receiptsInTime receipts that reached the SMSC within the target, of {@code receiptsSent}
     * @param receiptMedianSeconds median time from submission to the receipt reaching the SMSC; {@code null} with none
     * @param decisionMedianMinutes median time from submission to 受理 or 不予受理; {@code null} with none
     */
    public record Timeliness(long submitted, long registered, long refused, long pending, long receiptsSent,
            long receiptsInTime, Long receiptMedianSeconds, Long receiptP90Seconds, Long decisionMedianMinutes,
            Long decisionP90Minutes, long targetSeconds, OffsetDateTime oldestPending) {

        /** The share of receipts in time, as 98.5% or —. */
        public String inTimeShare() {
            return receiptsSent == 0
                    ? "—"
                    : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * receiptsInTime / receiptsSent);
        }
    }
}
