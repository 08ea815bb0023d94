package org.hotline12345.common;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

/** What the pages' forms share: a step that returns to its page saying what happened or why not, required fields. */
public final class PageForms {

    private PageForms() {
    }

    /**
     * The fields the pages' step forms share, as the forms show them; a refusal names its field so (a form with
     * fields of its own passes its labels to {@link #reason}).
     */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("comment", "意见"),
            Map.entry("reason", "理由"), Map.entry("content", "内容"), Map.entry("input", "协办意见"),
            Map.entry("days", "延长工作日"), Map.entry("answer", "答复内容"), Map.entry("primary", "主单编号"),
            Map.entry("leadDepartmentCode", "主办单位"), Map.entry("leadDepartment", "主办单位"),
            Map.entry("satisfaction", "满意度"), Map.entry("resolved", "是否解决"), Map.entry("file", "附件"),
            Map.entry("name", "文件名"), Map.entry("owner", "负责人"), Map.entry("issueKindCode", "问题类型"),
            Map.entry("text", "进展记录"), Map.entry("method", "核实方式"), Map.entry("enterpriseView", "企业评价"),
            Map.entry("reasons", "理由"), Map.entry("evidence", "证据"), Map.entry("verifiedAt", "核实时间"),
            // the lists' filters, named in a refused page request
            Map.entry("q", "关键词"), Map.entry("status", "状态"), Map.entry("requestType", "诉求类型"),
            Map.entry("channel", "渠道"), Map.entry("urgency", "紧急程度"), Map.entry("category", "诉求分类"),
            Map.entry("department", "承办单位"), Map.entry("overdue", "超期"), Map.entry("registeredFrom", "登记日期起"),
            Map.entry("registeredTo", "登记日期止"), Map.entry("from", "起始日期"), Map.entry("to", "截止日期"),
            Map.entry("page", "页码"), Map.entry("size", "每页条数"), Map.entry("sort", "排序"), Map.entry("week", "周"),
            Map.entry("list", "列表"), Map.entry("body", "提交的内容"),
            // the call steps on the agent's desktop and the work order's 转 110 / 转外地
            Map.entry("callId", "来电"), Map.entry("target", "转接号码"), Map.entry("number", "三方通话号码"),
            Map.entry("partnerCode", "转往"), Map.entry("call", "来电处理"), Map.entry("note", "说明"),
            // 派单设置
            Map.entry("autoDispatch", "自动派单"), Map.entry("autoDispatchThreshold", "自动派单阈值"));

    /** A field as the pages name it: the shared label, or the field itself where there is none. */
    public static String fieldLabel(String field) {
        return field.startsWith("assistingDepartmentCodes") ? "协办单位" : FIELDS.getOrDefault(field, field);
    }

    /**
     * Runs a step and sends the browser back to {@code page} with {@code done=…}, or {@code error=…} and the reason.
     */
    public static Response act(String page, String done, Supplier<?> step) {
        String query;
        try {
            step.get();
            query = "done=" + encode(done);
        } catch (HotlineException e) {
            query = "error=" + encode(reason(e, PageForms::fieldLabel));
        }
        return seeOther(page + (page.contains("?") ? "&" : "?") + query);
    }

    /** Sends the browser to a page of this site (303: it GETs the page, whatever the form's method was). */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(uriSafe(location))).build();
    }

    /**
     * The location with every character that may not stand in a URI percent-encoded as UTF-8, as browsers do: a page's
     * address holds ids from the request path, which may be any text ({@code <x>}, a space, a stray {@code %}).
     */
    static String uriSafe(String location) {
        StringBuilder safe = new StringBuilder(location.length());
        for (int i = 0; i < location.length(); i = location.offsetByCodePoints(i, 1)) {
            int c = location.codePointAt(i);
            if (c == '%' && i + 2 < location.length() && isHex(location.charAt(i + 1))
                    && isHex(location.charAt(i + 2))) {
                safe.append('%');
            } else if (c < 0x80 && c != '%'
                    && (Character.isLetterOrDigit(c) || "-._~:/?#@!$&'()*+,;=".indexOf(c) >= 0)) {
                safe.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return safe.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** The value, stripped; a blank one is a 400 naming the field. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidFieldException.malformed(field, "NotBlank", "请填写此项");
        }
        return value.strip();
    }

    /**
     * Checks a request built from a form against its bean-validation rules; a {@link FormException} lists each broken
     * rule in Chinese under the field's name as the form shows it.
     */
    public static <T> T requireValid(Validator validator, T request, Function<String, String> fieldLabel) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new FormException(violations.stream()
                    .map(v -> fieldLabel.apply(v.getPropertyPath().toString()) + "：" + rule(v))
                    .sorted().collect(Collectors.joining("；")));
        }
        return request;
    }

    /** The broken rule as the pages say it; the API keeps the validator's own messages. */
    private static String rule(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        return switch (violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotBlank", "NotNull", "NotEmpty" -> "请填写此项";
            case "Size" -> "长度不能超过 " + attributes.get("max");
            case "Pattern", "Email" -> "格式不正确";
            default -> violation.getMessage();
        };
    }

    /** Why a form was refused, naming a field as the form shows it rather than by its API name. */
    public static String reason(HotlineException refusal, Function<String, String> fieldLabel) {
        if (refusal instanceof InvalidFieldException invalid) {
            return fieldLabel.apply(invalid.violation().field()) + "：" + invalid.violation().message();
        }
        return refusal.getMessage();
    }

    /** The enum constant a select sent, {@code null} for none; anything else names the field as the form shows it. */
    public static <E extends Enum<E>> E option(Class<E> type, String value, String fieldLabel) {
        if (TextInput.blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new FormException(fieldLabel + "：不是可选的值");
        }
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
