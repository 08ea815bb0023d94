package org.hotline12345.telephony;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What became known about a call at one moment: the columns of its record to set. Updates of one call merge, later
 * values winning, so the store can write each call once per batch.
 */
public final class CallUpdate {

    /** The columns of {@code call_record} that events fill in. */
    public enum Column {
        DIRECTION("direction"), CALLER_NUMBER("caller_number"), CALLED_NUMBER("called_number"), CHANNEL(
                "channel"), QUEUE("queue"), IVR_CHOICE("ivr_choice"), QUEUED_AT("queued_at"), ANSWERED_AT(
                        "answered_at"), ENDED_AT("ended_at"), WAIT_SECONDS("wait_seconds"), TALK_SECONDS(
                                "talk_seconds"), AGENT_USERNAME("agent_username"), AGENT_CHANNEL(
                                        "agent_channel"), ABANDONED("abandoned"), ENDED_BY("ended_by"), RECORDING_FILE(
                                                "recording_file"), SURVEY_RESULT(
                                                        "survey_result"), SURVEYED_AT("surveyed_at"), TRANSFERRED_TO(
                                                                "transferred_to"), TRANSFERRED_AT(
                                                                        "transferred_at"), TRANSFERRED_BY(
                                                                                "transferred_by"), CONSULTED_NUMBER(
                                                                                        "consulted_number"), REPEAT_CALL(
                                                                                                "repeat_call"), BLOCKED(
                                                                                                        "blocked"), DIAL_STATUS(
                                                                                                                "dial_status"), SERVICE_RATING(
                                                                                                                        "service_rating");

        final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    /** A work order the call is about. */
    public record Link(String workOrderNumber, String linkedBy) {
    }

    private final String callId;
    private final Instant at;
    private final Map<Column, Object> values = new EnumMap<>(Column.class);
    private final List<Link> links = new ArrayList<>();

    private CallUpdate(String callId, Instant at) {
        this.callId = callId;
        this.at = at;
    }

    /** @param at when it became known; a call first seen in this update starts then */
    public static CallUpdate of(String callId, Instant at) {
        return new CallUpdate(callId, at);
    }

    public CallUpdate set(Column column, Object value) {
        if (value != null) {
            values.put(column, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** Links the call to a work order. */
    public CallUpdate linkTo(String workOrderNumber, String linkedBy) {
        links.add(new Link(workOrderNumber, linkedBy));
        return this;
    }

    public String callId() {
        return callId;
    }

    public Instant at() {
        return at;
    }

    public Map<Column, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    /** This update with a later one of the same call applied on top. */
    CallUpdate merge(CallUpdate later) {
        CallUpdate merged = new CallUpdate(callId, at.isBefore(later.at) ? at : later.at);
        merged.values.putAll(values);
        merged.values.putAll(later.values);
        merged.links.addAll(links);
        merged.links.addAll(later.links);
        return merged;
    }
}
