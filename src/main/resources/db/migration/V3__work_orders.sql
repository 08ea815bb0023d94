-- Work orders (工单), their append-only history, department assignments, extension requests, numbering and
-- idempotency keys.

create table work_order_number_counter (
    day         date    primary key,
    last_value  integer not null
);

create sequence work_order_seq start with 1 increment by 50;

create table work_order (
    id                         bigint primary key,
    version                    integer      not null,
    number                     varchar(20)  not null unique,
    channel                    varchar(30)  not null,
    request_type               varchar(20)  not null,
    citizen_name               varchar(50)  not null,
    citizen_phone              varchar(30)  not null,
    citizen_occupation         varchar(30)  not null,
    citizen_confidential       boolean      not null,
    enterprise_name            varchar(100),
    enterprise_credit_code     varchar(18),
    title                      varchar(200) not null,
    content                    text         not null,
    district                   varchar(50),
    street                     varchar(50),
    address                    varchar(200),
    category_id                bigint       not null references category (id),
    urgency                    varchar(10)  not null,
    simple                     boolean      not null,
    status                     varchar(20)  not null,
    lead_department_id         bigint references department (id),
    registered_at              timestamptz  not null,
    registered_by              varchar(40)  not null,
    dispatched_at              timestamptz,
    accept_limit               varchar(20),
    accept_deadline            timestamptz,
    accepted_at                timestamptz,
    reply_limit                varchar(20),
    reply_deadline             timestamptz,
    replied_at                 timestamptz,
    reply                      text,
    paused_at                  timestamptz,
    returned_from              varchar(20),
    return_reason              text,
    returned_by_department_id  bigint references department (id),
    reopen_count               integer      not null default 0,
    callback_attempts          integer      not null default 0,
    callback_at                timestamptz,
    resolved                   boolean,
    satisfaction               varchar(30),
    direct_answer              text,
    closure                    varchar(30),
    closed_at                  timestamptz,
    merged_into_number         varchar(20) references work_order (number),
    check ((status = 'CLOSED') = (closure is not null))
);

create index work_order_registered_at on work_order (registered_at);
create index work_order_status on work_order (status);
create index work_order_lead_department on work_order (lead_department_id, status);
create index work_order_category on work_order (category_id);
create index work_order_reply_deadline on work_order (reply_deadline) where status in ('DISPATCHED', 'ACCEPTED');
create index work_order_accept_deadline on work_order (accept_deadline) where status = 'DISPATCHED';

create sequence work_order_event_seq start with 1 increment by 50;

create table work_order_event (
    id                   bigint primary key,
    work_order_id        bigint      not null references work_order (id),
    type                 varchar(40) not null,
    occurred_at          timestamptz not null,
    actor_username       varchar(40),
    actor_name           varchar(50),
    actor_role           varchar(30),
    actor_department_id  bigint references department (id),
    from_status          varchar(20),
    to_status            varchar(20) not null,
    comment              text,
    details              jsonb
);

create index work_order_event_work_order on work_order_event (work_order_id, id);

-- The history is append-only: no statement may change or remove an entry.
create function work_order_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'work_order_event is append-only: % refused', tg_op;
end;
$$;

create trigger work_order_event_append_only
    before update or delete on work_order_event
    for each row execute function work_order_event_is_append_only();

create trigger work_order_event_no_truncate
    before truncate on work_order_event
    for each statement execute function work_order_event_is_append_only();

create sequence work_order_assignment_seq start with 1 increment by 50;

create table work_order_assignment (
    id             bigint primary key,
    work_order_id  bigint      not null references work_order (id),
    department_id  bigint      not null references department (id),
    role           varchar(20) not null,
    assigned_at    timestamptz not null,
    ended_at       timestamptz,
    end_reason     varchar(20),
    input          text,
    input_at       timestamptz,
    input_by       varchar(40)
);

create index work_order_assignment_work_order on work_order_assignment (work_order_id);
create index work_order_assignment_department on work_order_assignment (department_id, work_order_id);

create sequence extension_request_seq start with 1 increment by 50;

create table extension_request (
    id                bigint primary key,
    work_order_id     bigint      not null references work_order (id),
    department_id     bigint      not null references department (id),
    days              integer     not null check (days > 0),
    reason            text        not null,
    status            varchar(20) not null,
    requested_by      varchar(40) not null,
    requested_at      timestamptz not null,
    decided_by        varchar(40),
    decided_at        timestamptz,
    decision_comment  text
);

create index extension_request_work_order on extension_request (work_order_id);
create unique index extension_request_one_pending on extension_request (work_order_id) where status = 'PENDING';

create table idempotency_record (
    username           varchar(40)  not null,
    idempotency_key    varchar(100) not null,
    request_hash       varchar(64)  not null,
    work_order_number  varchar(20)  not null references work_order (number),
    created_at         timestamptz  not null,
    constraint idempotency_record_pkey primary key (username, idempotency_key)
);

create index idempotency_record_created_at on idempotency_record (created_at);
