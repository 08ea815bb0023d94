package org.hotline12345.hotspot;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.MutableClock;

/** Requests registered through the API at chosen times, as a burst or as a steady history is made. */
final class HotspotFixtures {

    /** Texts about different matters, so that steady requests form no group of similar texts. */
    static final String[] VARIED = {"楼下饭店排烟管道太低，中午油烟直冲窗户", "夜市烧烤摊每晚烟雾很大，影响休息",
            "小区门口早餐店油烟机没有净化装置", "商业街餐馆的废气排到人行道上，行人呛得难受", "食堂的排风扇噪声和气味影响周边居民",
            "新开的火锅店排风口对着幼儿园操场"};

    private HotspotFixtures() {
    }

    /** Registers a request as the agent with the clock at {@code at}; its number. */
    @SuppressWarnings("unchecked")
    static String registerAt(MutableClock clock, Instant at, String category, String district, String street,
            String title, String content) {
        clock.set(at);
        Map<String, Object> body = Api.registration();
        // a number of these tests' own, so that other tests' callers' histories do not see their many past requests
        ((Map<String, Object>) body.get("citizen")).put("phone", "13900002424");
        body.put("categoryCode", category);
        body.put("location", new HashMap<>(Map.of("district", district, "street", street)));
        body.put("title", title);
        body.put("content", content);
        return Api.register(body);
    }
}
