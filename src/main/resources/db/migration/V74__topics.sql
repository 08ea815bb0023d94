-- 每月一题 (the insight package's monthly topic): what a supervisor chose to look into for a month (its categories,
-- keywords, area and period), and the month's findings once it is closed. The report itself is computed from the
-- work orders each time it is read, so it always matches their history.

create table topic (
    id              bigint generated always as identity primary key,
    title           varchar(200)  not null,
    -- the month the topic is for, e.g. 2023-04
    month           varchar(7)    not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    -- category codes, each including its sub-categories
    category_codes  text[]        not null check (cardinality(category_codes) > 0),
    -- any of them in a work order's title or content; empty for no keyword condition
    keywords        text[]        not null,
    -- null district: the whole city; null street: the whole district
    district        varchar(50),
    street          varchar(50),
    period_from     date          not null,
    period_to       date          not null,
    status          varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
    conclusion      varchar(10000),
    -- the supervisors' usernames and, as the pages name them, their display names at the time
    opened_by       varchar(40)   not null,
    opened_by_name  varchar(100)  not null,
    opened_at       timestamptz   not null,
    closed_by       varchar(40),
    closed_by_name  varchar(100),
    closed_at       timestamptz,
    check (period_from <= period_to),
    check (street is null or district is not null),
    check ((status = 'CLOSED') = (conclusion is not null)),
    check ((status = 'CLOSED') = (closed_at is not null))
);

create index topic_month on topic (month desc, id desc);
