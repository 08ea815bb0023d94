package org.hotline12345.topic;

import java.util.HashMap;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;

/** Work orders registered through the API at chosen times of the city, as a month of a topic is made. */
final class TopicFixtures {

    private TopicFixtures() {
    }

    /**
     * Registers a request as the agent with the clock at the city's {@code at}, dispatched to {@code lead} (none: not
     * dispatched); its number.
     */
    @SuppressWarnings("unchecked")
    static String registerAt(MutableClock clock, String at, String category, String district, String street,
            String title, String content, String lead) {
        clock.set(Shanghai.at(at));
        Map<String, Object> body = Api.registration();
        // the topic tests' own caller, so that other tests' callers' histories stay apart
        ((Map<String, Object>) body.get("citizen")).put("phone", "13900002403");
        body.put("categoryCode", category);
        body.put("location", new HashMap<>(Map.of("district", district, "street", street)));
        body.put("title", title);
        body.put("content", content);
        if (lead != null) {
            body.put("dispatch", Api.dispatchTo(lead));
        }
        return Api.register(body);
    }
}
