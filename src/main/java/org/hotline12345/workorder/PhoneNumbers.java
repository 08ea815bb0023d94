package org.hotline12345.workorder;

import java.util.regex.Pattern;

/** Mainland China phone numbers as callers give them, and their masked form for confidential requests. */
public final class PhoneNumbers {

    /** Mobile (11 digits from 13x-19x), or a landline with area code, optionally with an extension. */
    private static final Pattern VALID = Pattern
            .compile("(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|[2-9]\\d{6,7})");

    private PhoneNumbers() {
    }

    public static boolean isValid(String phone) {
        return phone != null && VALID.matcher(phone).matches();
    }

    /**
     * Hides the middle digits: {@code 13812345678} becomes {@code 138****5678}; a landline keeps its first three and
     * last two digits. Separators stay where they were.
     */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        int keepHead = 3;
        int keepTail = digits >= 11 ? 4 : 2;
        StringBuilder masked = new StringBuilder(phone.length());
        int seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(seen < keepHead || seen >= digits - keepTail ? c : '*');
                seen++;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
