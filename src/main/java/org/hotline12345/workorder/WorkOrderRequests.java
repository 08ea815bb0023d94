package org.hotline12345.workorder;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the work-order endpoints. */
public final class WorkOrderRequests {

    private WorkOrderRequests() {
    }

    /**
     * 受理: registers a work order.
     *
     * @param urgency {@code NORMAL} when absent
     * @param simple 简易件, {@code false} when absent
     * @param dispatch when present, the work order is dispatched in the same step (受理并派单)
     * @param autoDispatch without {@code dispatch}: {@code false} keeps the work order with the agent (e.g. to answer
     *        it on the call); otherwise the service dispatches it when it is sure of the department (自动派单)
     * @param directAnswer 即问即答: the answer given on the call; the work order is registered closed and never
     *        dispatched, so it excludes {@code dispatch}
     */
    public record Register(
            @NotNull Channel channel,
            @NotNull RequestType requestType,
            @NotNull @Valid CitizenInput citizen,
            @Valid EnterpriseInput enterprise,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 10000) String content,
            @Valid LocationInput location,
            @NotBlank String categoryCode,
            Urgency urgency,
            Boolean simple,
            @Valid Dispatch dispatch,
            Boolean autoDispatch,
            Boolean enterpriseRequest,
            @Size(max = 64) @Pattern(regexp = "[\\w.\\-]+", message = "须为弹屏带来的来电编号") String callId,
            @Valid DirectAnswer directAnswer) {
    }

    /**
     * @param confidential the citizen asks that departments not see their name and number (保密)
     */
    public record CitizenInput(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidPhone String phone,
            Occupation occupation,
            Boolean confidential) {
    }

    public record EnterpriseInput(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @ValidCreditCode String creditCode) {
    }

    public record LocationInput(
            @Size(max = 50) String district,
            @Size(max = 50) String street,
            @Size(max = 200) String address) {
    }

    /** 派单 / 改派: one lead department (主办) and any assisting departments (协办), by code. */
    public record Dispatch(
            @NotBlank String leadDepartmentCode,
            @Size(max = 10) List<@NotBlank String> assistingDepartmentCodes,
            @Size(max = 2000) String comment) {
    }

    /** An optional remark on a step. */
    public record Remark(@Size(max = 2000) String comment) {
    }

    /** A step that must say why: a return, a failed review, a close without callback. */
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    /** @param articleSlug the knowledge article the answer came from, if any; recorded with its version */
    public record DirectAnswer(@NotBlank @Size(max = 10000) String answer, @Size(max = 200) String articleSlug) {
    }

    public record Reply(@NotBlank @Size(max = 10000) String content) {
    }

    public record AssistInput(@NotBlank @Size(max = 10000) String input) {
    }

    /** 延期申请 for a number of working days. */
    public record Extension(@NotNull @Min(1) @Max(30) Integer days, @NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * 回访.
     *
     * @param reached whether the citizen answered; when {@code true}, {@code resolved} and {@code satisfaction} are
     *        required
     */
    public record Callback(
            @NotNull Boolean reached,
            Boolean resolved,
            Satisfaction satisfaction,
            @Size(max = 2000) String comment) {
    }

    /** 并单: merges this work order into {@code primary}. */
    public record Merge(@NotBlank String primary, @Size(max = 2000) String comment) {
    }
}
