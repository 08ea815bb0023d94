package org.hotline12345.portal;

import java.time.OffsetDateTime;
import java.util.List;

import org.hotline12345.workorder.RequestType;
import org.hotline12345.workorder.ServiceRating;

/** What the portal's pages show and send. */
public final class PortalViews {

    private PortalViews() {
    }

    /**
     * 我要留言 as the citizen filled it in.
     *
     * @param code the SMS code that proves {@code phone}
     */
    public record SubmitRequest(RequestType requestType, String title, String content, String district, String street,
            String address, String enterpriseName, String creditCode, String name, String phone, boolean confidential,
            boolean privacyAccepted, String code) {
    }

    /**
     * @param shownCode the code itself, only where no SMSC is configured in development; otherwise {@code null}
     */
    public record CodeSent(String maskedPhone, String shownCode) {
    }

    /**
     * 回执.
     *
     * @param extractionCode {@code null} for a repeated submission: its code was sent with the first one
     * @param token opens the progress page of this request without asking again
     */
    public record Receipt(String number, String extractionCode, boolean duplicate, OffsetDateTime submittedAt,
            String token) {
    }

    /** One step of the timeline, in the citizen's words. */
    public record Step(String label, OffsetDateTime at) {
    }

    /** A rating as the citizen gave it. */
    public record GivenRating(ServiceRating rating, String comment, OffsetDateTime at) {
    }

    /**
     * 进度查询: what the citizen who proved they may see it is shown.
     *
     * @param stage where it stands, in their words
     * @param deadline when the department's reply is due, while one holds it
     * @param answer the reply the hotline approved
     * @param refusal why it was not taken (不予受理)
     * @param token lets the page's forms (the rating) act on this work order for a while
     */
    public record Progress(String number, String stage, RequestType requestType, String title, String content,
            List<Step> steps, OffsetDateTime deadline, String answer, String refusal, boolean rateable,
            GivenRating rating, String token) {
    }
}
