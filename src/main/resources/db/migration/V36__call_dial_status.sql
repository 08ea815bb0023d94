-- What Dial() reported for an outbound call (a callback to a citizen): ANSWER, BUSY, NOANSWER, CONGESTION, CHANUNAVAIL,
-- CANCEL. A callback is connected only when the citizen answered, not when the agent's phone did.
alter table call_record add column dial_status varchar(20);
