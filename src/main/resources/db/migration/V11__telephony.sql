-- Telephony: the record of every call, the links between calls and work orders, agents' sessions at their phones
-- and the history of their states, and numbers blocked for harassment.

-- Phone numbers compared as digits, without a country prefix, so that a caller ID matches the number an agent typed.
create function phone_key(phone varchar) returns varchar
    language sql immutable strict parallel safe
    return regexp_replace(regexp_replace(phone, '[^0-9]', '', 'g'), '^(0086|86)(1[3-9][0-9]{9})$', '\2');

create index work_order_citizen_phone on work_order (phone_key(citizen_phone), registered_at desc);
create index enterprise_contact_phone on enterprise (phone_key(contact_phone));

-- the call during which the work order was registered
alter table work_order add column origin_call_id varchar(64);

create table call_record (
    id                bigint generated always as identity primary key,
    call_id           varchar(64)  not null unique, -- Asterisk's Uniqueid of the caller's (or callee's) channel
    direction         varchar(10)  not null check (direction in ('INBOUND', 'OUTBOUND')),
    caller_number     varchar(40),
    called_number     varchar(40),
    channel           varchar(120),
    started_at        timestamptz  not null,
    ivr_choice        varchar(20),
    queue             varchar(40),
    queued_at         timestamptz,
    answered_at       timestamptz,
    ended_at          timestamptz,
    wait_seconds      integer,
    talk_seconds      integer,
    agent_username    varchar(40),
    agent_channel     varchar(120),
    abandoned         boolean      not null default false,
    ended_by          varchar(20),
    recording_file    varchar(300),
    survey_result     varchar(30),
    surveyed_at       timestamptz,
    transferred_to    varchar(10),
    transferred_at    timestamptz,
    transferred_by    varchar(40),
    consulted_number  varchar(40),
    repeat_call       boolean      not null default false,
    blocked           boolean      not null default false
);

create index call_record_caller on call_record (phone_key(caller_number), started_at desc);
create index call_record_started on call_record (started_at);
create index call_record_agent on call_record (agent_username, started_at desc);

create table call_work_order (
    call_id        varchar(64)  not null,
    work_order_id  bigint       not null references work_order (id),
    linked_at      timestamptz  not null,
    linked_by      varchar(40),
    primary key (call_id, work_order_id)
);

create index call_work_order_work_order on call_work_order (work_order_id);

create table agent_session (
    id             bigint generated always as identity primary key,
    username       varchar(40)  not null references app_user (username),
    extension      varchar(20)  not null,
    queues         varchar(200) not null,
    logged_in_at   timestamptz  not null,
    logged_out_at  timestamptz
);

-- one open session per agent and per phone
create unique index agent_session_open_user on agent_session (username) where logged_out_at is null;
create unique index agent_session_open_extension on agent_session (extension) where logged_out_at is null;

create table agent_state_log (
    id            bigint generated always as identity primary key,
    username      varchar(40),
    device        varchar(60)  not null,
    state         varchar(20)  not null,
    pause_reason  varchar(100),
    call_id       varchar(64),
    at            timestamptz  not null
);

create index agent_state_log_user on agent_state_log (username, at);

create table blocked_number (
    phone       varchar(40)  primary key, -- as phone_key() gives it
    reason      varchar(200) not null,
    blocked_by  varchar(40)  not null,
    blocked_at  timestamptz  not null,
    expires_at  timestamptz
);
