-- 漏接回拨 (国办函〔2025〕66号): calls the hotline missed — abandoned in a queue, left unanswered by it, or made outside
-- service hours — kept as one entry per number to call back, oldest first, with every attempt and its outcome.

create table missed_call (
    id                bigint generated always as identity primary key,
    phone             varchar(40)  not null, -- phone_key() of the caller's number: repeated misses of it collapse
    caller_number     varchar(40)  not null, -- as the latest missed call showed it, and as it is dialled back
    queue             varchar(40)  not null, -- whose agents call back: the queue the caller waited in
    reason            varchar(20)  not null check (reason in ('ABANDONED', 'UNANSWERED', 'AFTER_HOURS')),
    first_missed_at   timestamptz  not null,
    last_missed_at    timestamptz  not null,
    missed_count      integer      not null default 1,
    -- when the first miss could be called back: at once within service hours, else when they open next
    callable_from     timestamptz  not null,
    status            varchar(20)  not null default 'WAITING'
        check (status in ('WAITING', 'CALLING', 'REACHED', 'WRONG_NUMBER', 'UNREACHABLE', 'CALLED_IN')),
    -- a busy or unanswered attempt is tried again from then on
    next_attempt_at   timestamptz  not null,
    attempts          integer      not null default 0,
    claimed_by        varchar(40),
    claimed_at        timestamptz,
    first_attempt_at  timestamptz,
    closed_at         timestamptz
);

-- one open entry per number: a further miss of it counts on that entry
create unique index missed_call_open_phone on missed_call (phone) where status in ('WAITING', 'CALLING');
create index missed_call_waiting on missed_call (queue, first_missed_at) where status = 'WAITING';
create index missed_call_callable on missed_call (callable_from);

-- every missed call seen, so that each counts once; missed_call_id is null for one that is not called back (no caller
-- number, a number blocked for harassment)
create table missed_call_source (
    call_id         varchar(64)  primary key,
    missed_call_id  bigint       references missed_call (id),
    reason          varchar(20)  not null,
    missed_at       timestamptz  not null
);

create index missed_call_source_entry on missed_call_source (missed_call_id);

create table missed_call_attempt (
    id              bigint generated always as identity primary key,
    missed_call_id  bigint       not null references missed_call (id),
    agent_username  varchar(40)  not null,
    call_id         varchar(64)  not null, -- the callback's own call record (cb-…)
    started_at      timestamptz  not null,
    outcome         varchar(20)  check (outcome in ('REACHED', 'BUSY', 'NO_ANSWER', 'WRONG_NUMBER')),
    recorded_at     timestamptz
);

create index missed_call_attempt_entry on missed_call_attempt (missed_call_id, started_at);
create index missed_call_attempt_started on missed_call_attempt (started_at);

-- the scan that finds missed calls reads the recent calls nobody answered
create index call_record_unanswered on call_record (started_at) where answered_at is null and direction = 'INBOUND';
