package org.hotline12345.support;

import java.util.Map;

/**
 * Automatic dispatch (on in production) turned on for a test as an administrator turns it on, on 派单设置, and set
 * back to what it was when the test ends: the tests' start keeps it off, since most tests register work orders that
 * must stay with the agent.
 */
public final class AutomaticDispatch implements AutoCloseable {

    private final Map<String, Object> before;

    private AutomaticDispatch(Map<String, Object> before) {
        this.before = before;
    }

    /** On at the threshold it had. */
    public static AutomaticDispatch on() {
        return on(null);
    }

    /** On at {@code threshold}; {@code null} keeps the one it had. */
    public static AutomaticDispatch on(Double threshold) {
        Map<String, Object> before = Api.as("admin").get("/api/dispatch/settings").then().statusCode(200).extract()
                .path("$");
        set(true, threshold == null ? before.get("autoDispatchThreshold") : threshold);
        return new AutomaticDispatch(before);
    }

    @Override
    public void close() {
        set((Boolean) before.get("autoDispatch"), before.get("autoDispatchThreshold"));
    }

    private static void set(boolean on, Object threshold) {
        Api.as("admin").body(Map.of("autoDispatch", on, "autoDispatchThreshold", threshold))
                .put("/api/dispatch/settings").then().statusCode(200);
    }
}
