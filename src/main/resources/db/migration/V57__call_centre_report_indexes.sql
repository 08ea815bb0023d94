-- The call-centre reports read a period's queue calls (by when they joined the queue) and agents' states.
create index call_record_queued on call_record (queued_at) where queued_at is not null;
create index agent_state_log_at on agent_state_log (at);
