package org.hotline12345.telephony;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hotline12345.workorder.WorkOrderStatus;

/**
 * What the IVR reads back when a caller keys in a work-order number (menu key 2): a sentence for a TTS engine and the
 * prompt files that say the same, so the dialplan can use either.
 */
public final class OrderStatusReadback {

    /** The digits a caller keys for {@code 20261124-000042}: the date and the six-digit sequence. */
    private static final Pattern KEYED = Pattern.compile("\\d{8}\\d{6}");

    public record Readback(String text, List<String> prompts) {
    }

    private OrderStatusReadback() {
    }

    /** The work-order number the caller keyed, or empty when the digits cannot be one. */
    public static Optional<String> numberFromDigits(String digits) {
        if (digits == null) {
            return Optional.empty();
        }
        String keyed = digits.strip().replace("#", "");
        if (!KEYED.matcher(keyed).matches()) {
            return Optional.empty();
        }
        return Optional.of(keyed.substring(0, 8) + "-" + keyed.substring(8));
    }

    /**
     * @param department the lead department's name, or {@code null}
     * @param replyDeadline the reply deadline while a department holds it, or {@code null}
     */
    public static Readback of(String number, WorkOrderStatus status, String department,
            OffsetDateTime replyDeadline) {
        String spokenNumber = String.join(" ", number.replace("-", "").split(""));
        String where = switch (status) {
            case REGISTERED -> "已受理，正在安排派单";
            case DISPATCHED -> "已派往" + orUnit(department) + "，等待签收";
            case ACCEPTED -> orUnit(department) + "正在办理";
            case RETURN_REQUESTED, RETURNED -> "正在重新确定承办单位";
            case REPLIED -> "承办单位已答复，热线正在审核";
            case REVIEWED -> "已办理完毕，热线将与您联系回访";
            case CLOSED -> "已办结";
        };
        StringBuilder text = new StringBuilder("您查询的工单 ").append(spokenNumber).append(" ").append(where);
        if (replyDeadline != null && status.heldByDepartment()) {
            text.append("，办理时限为").append(replyDeadline.getMonthValue()).append("月")
                    .append(replyDeadline.getDayOfMonth()).append("日");
        }
        text.append("。");
        return new Readback(text.toString(), List.of("hotline/order-status-is",
                "hotline/status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    private static String orUnit(String department) {
        return department == null ? "承办单位" : department;
    }
}
