package org.hotline12345.telephony;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.realtime.UserSessions;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Messages to browsers: screen pops, the agent's own state and the outcome of their callbacks go to the agent's
 * {@code /ws/telephony} sessions; wallboard snapshots to every {@code /ws/wallboard} session. Each message is one JSON
 * object whose {@code type} says what it is.
 */
@ApplicationScoped
public class TelephonyPushes {

    private static final Logger LOG = Logger.getLogger(TelephonyPushes.class);

    // reached through methods only: a field read on the injected client proxy would see the proxy's own copy
    private final UserSessions agents = new UserSessions();
    private final UserSessions wallboards = new UserSessions();

    @Inject
    ObjectMapper json;

    /** Sessions of {@code /ws/telephony}. */
    UserSessions agents() {
        return agents;
    }

    /** Sessions of {@code /ws/wallboard}. */
    UserSessions wallboards() {
        return wallboards;
    }

    void screenPop(String username, ScreenPop pop) {
        agents.push(username, write(pop));
    }

    void agentChanged(AgentStatus status) {
        if (status.username() != null) {
            agents.push(status.username(), typed("agent-state", status));
        }
    }

    /** A callback the agent placed rang through, or could not be placed. */
    void callbackOutcome(String username, CallbackOutcome outcome) {
        agents.push(username, typed("callback", outcome));
    }

    void wallboard(Wallboard.Snapshot snapshot) {
        if (!wallboards.isEmpty()) {
            wallboards.pushToAll(typed("wallboard", snapshot));
        }
    }

    private String typed(String type, Object body) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.putAll(json.convertValue(body, Map.class));
        return write(message);
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            LOG.warnf(e, "Could not write a telephony message");
            return "{}";
        }
    }
}
