package org.hotline12345.knowledge;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Article bodies for API tests, each carrying a marker word that only that test's articles contain. */
final class Articles {

    private Articles() {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A word no other article contains: letters only, which the segmenter keeps whole. */
    static String marker() {
        StringBuilder word = new StringBuilder("kb");
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    /** A valid, published article; tests adjust what they are about. */
    static Map<String, Object> article(String marker, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title + " " + marker);
        body.put("questions", new ArrayList<>(List.of("测试问法 " + marker)));
        body.put("answer", "这是测试用的答案，包含标记 " + marker + "，用于验证搜索。");
        body.put("categoryCode", "130401");
        body.put("departmentCode", "APPROVAL");
        body.put("source", Map.of("name", "测试依据", "number", "测试〔2026〕1号"));
        body.put("effectiveFrom", "2024-01-01");
        body.put("tags", new ArrayList<>(List.of("测试")));
        body.put("status", "PUBLISHED");
        return body;
    }
}
