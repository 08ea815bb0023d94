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
     * Runs a step and sends the browser back to {@code page} with {@code done=…}, or {@code error=…} and the reason.
     */
    public static Response act(String page, String done, Supplier<?> step) {
        String query;
        try {
            step.get();
            query = "done=" + encode(done);
        } catch (HotlineException e) {
            query = "error=" + encode(e.getMessage());
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
