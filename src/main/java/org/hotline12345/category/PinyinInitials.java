package org.hotline12345.category;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The pinyin initials of a Chinese text, so that agents find 物业服务收费 by typing {@code wyfwsf}. A character read
 * several ways (行: háng, xíng) offers each reading's initial; letters and digits stand for themselves, anything else
 * is left out.
 */
public final class PinyinInitials {

    /** Category names and paths repeat on every page that offers them. */
    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    private PinyinInitials() {
    }

    /**
     * One group of possible initials per character, the groups separated by commas: 银行 gives {@code y,hx}. Pages
     * match typed letters against consecutive groups.
     */
    public static String of(String text) {
        return KNOWN.computeIfAbsent(text, PinyinInitials::compute);
    }

    private static String compute(String text) {
        StringBuilder initials = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String group = group(codePoint);
            if (!group.isEmpty()) {
                initials.append(initials.isEmpty() ? "" : ",").append(group);
            }
        });
        return initials.toString();
    }

    private static String group(int codePoint) {
        if (codePoint < 128) {
            return Character.isLetterOrDigit(codePoint) ? String.valueOf((char) Character.toLowerCase(codePoint)) : "";
        }
        String[] readings = Character.isBmpCodePoint(codePoint)
                ? PinyinHelper.toHanyuPinyinStringArray((char) codePoint)
                : null;
        if (readings == null) {
            return "";
        }
        TreeSet<Character> letters = new TreeSet<>();
        for (String reading : readings) {
            if (!reading.isEmpty()) {
                letters.add(reading.charAt(0));
            }
        }
        StringBuilder group = new StringBuilder();
        letters.forEach(group::append);
        return group.toString();
    }
}
