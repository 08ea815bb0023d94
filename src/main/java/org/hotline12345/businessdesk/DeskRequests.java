package org.hotline12345.businessdesk;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline12345.workorder.Satisfaction;

/** Request bodies of the desk's API. */
public final class DeskRequests {

    private DeskRequests() {
    }

    public record Classify(@NotBlank String issueKindCode) {
    }

    public record Assign(@NotBlank String owner) {
    }

    public record Progress(@NotBlank @Size(max = 5000) String text) {
    }

    /** @param verifiedAt when the enterprise was asked; now when left out */
    public record Verify(@NotNull VerificationMethod method, Instant verifiedAt, @NotNull Satisfaction enterpriseView,
            @Size(max = 2000) String comment) {
    }

    public record Comment(@Size(max = 2000) String comment) {
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    public record ProposeReferral(@NotBlank @Size(max = 5000) String reasons,
            @NotBlank @Size(max = 10000) String evidence) {
    }

    public record NewIssueKind(@NotBlank String environmentCode,
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,29}", message = "须为大写字母、数字和 _") String code,
            @NotBlank @Size(max = 50) String name) {
    }

    public record ChangeIssueKind(@Size(max = 50) String name, Boolean active) {
    }

    public record EnterpriseDetails(@NotBlank @Size(max = 100) String name, @Size(max = 50) String contactName,
            @Size(max = 30) String contactPhone, @Size(max = 50) String industry, EnterpriseSize size) {
    }
}
