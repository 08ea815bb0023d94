package org.hotline12345.portal;

import java.util.regex.Pattern;

/** The portal texts codes, so it takes mainland mobile numbers only, in one form: 11 digits, no +86, no separators. */
final class MobileNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private MobileNumbers() {
    }

    /** @throws PortalRefusal for anything but a mainland mobile number */
    static String normalize(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw PortalRefusal.invalid("请填写正确的 11 位手机号码");
        }
        return digits;
    }

    /** Whether two numbers as people write them are the same mobile. */
    static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    private static String key(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() == 13 && digits.startsWith("86") ? digits.substring(2) : digits;
    }
}
