-- Deadline supervision (红黄牌): what each open work order's clocks are and when they next need a look, and the cards
-- raised on them.

-- One row per work order a department holds. check_at is the next moment a card may fall due, so that a supervision
-- pass reads only the rows whose moment has come, however many work orders are open.
create table deadline_watch (
    work_order_id    bigint primary key references work_order (id),
    department_id    bigint references department (id),
    check_at         timestamptz,
    accept_limit     varchar(20),
    accept_deadline  timestamptz,
    accept_card      varchar(10) not null default 'NONE',
    reply_limit      varchar(20),
    reply_deadline   timestamptz,
    reply_card       varchar(10) not null default 'NONE'
);

create index deadline_watch_check_at on deadline_watch (check_at) where check_at is not null;
create index deadline_watch_department on deadline_watch (department_id);

-- A card is raised at most once per work order, clock, level and deadline: the unique key makes raising idempotent
-- across passes, instances and restarts, and a moved deadline is a new key.
create table deadline_card (
    id             bigint generated always as identity primary key,
    work_order_id  bigint      not null references work_order (id),
    clock          varchar(10) not null,
    level          varchar(10) not null,
    deadline       timestamptz not null,
    department_id  bigint references department (id),
    raised_at      timestamptz not null,
    ended_at       timestamptz,
    end_reason     varchar(10),
    constraint deadline_card_once unique (work_order_id, clock, level, deadline)
);

create index deadline_card_current on deadline_card (department_id, level) where ended_at is null;

-- Work orders already held by departments when supervision arrives are watched from now on: due at once, so the
-- next pass raises whatever card each has earned and schedules the next check.
insert into deadline_watch (work_order_id, department_id, check_at, accept_limit, accept_deadline, reply_limit,
                            reply_deadline)
select id, lead_department_id,
       case when status = 'RETURN_REQUESTED' then null else now() end,
       case when status in ('DISPATCHED', 'RETURN_REQUESTED') and accepted_at is null then accept_limit end,
       case when status in ('DISPATCHED', 'RETURN_REQUESTED') and accepted_at is null then accept_deadline end,
       reply_limit, reply_deadline
from work_order
where status in ('DISPATCHED', 'ACCEPTED', 'RETURN_REQUESTED') and reply_deadline is not null;
