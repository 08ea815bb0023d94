package org.hotline12345.telephony;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the telephony API accepts. */
public final class TelephonyRequests {

    private TelephonyRequests() {
    }

    /**
     * @param extension the phone at the agent's seat
     * @param queues the queues to join; empty: those of the agent's role
     */
    public record Login(@NotBlank @Pattern(regexp = "\\d{2,8}", message = "须为 2 到 8 位数字") String extension,
            List<@NotBlank String> queues) {
    }

    public record Pause(@NotBlank @Size(max = 30) String reason) {
    }

    /** @param target 110, 119, 120 or 122 */
    public record Transfer(@NotBlank String target) {
    }

    /** @param number the expert's phone: an extension or an outside number */
    public record Consult(
            @NotBlank @Pattern(regexp = "\\+?\\d{2,20}", message = "须为电话号码") String number) {
    }

    /** @param extension the supervisor's phone; empty: the one they are signed in at */
    public record Listen(@Pattern(regexp = "\\d{2,8}", message = "须为 2 到 8 位数字") String extension) {
    }

    public record LinkWorkOrder(@NotBlank String workOrderNumber) {
    }

    /** @param expiresAt when the block ends; empty: until lifted */
    public record Block(
            @NotBlank @Pattern(regexp = "\\+?[\\d -]{3,30}", message = "须为电话号码") String phone,
            @NotBlank @Size(max = 200) String reason, Instant expiresAt) {
    }
}
