-- Hotspots (热点, 未诉先办): counts of a category and area that stood out from their own history, or groups of similar
-- texts, found by the scheduled hotspot pass; a supervisor turns one into a proactive work order or dismisses it.

create table hotspot (
    id                  bigint generated always as identity primary key,
    kind                varchar(10)      not null check (kind in ('COUNT', 'TEXTS')),
    -- what was counted: the category (null for all categories) in the area (district null for the whole city,
    -- street null for the whole district)
    category_code       varchar(20),
    category_name       varchar(100),
    district            varchar(50),
    street              varchar(50),
    request_type        varchar(20)      not null,
    summary             varchar(200)     not null,
    window_start        timestamptz      not null,
    window_end          timestamptz      not null,
    observed            integer          not null,
    -- the Poisson test: the mean of the same hours of past weeks, and P(X >= observed); null for a group of texts
    expected            double precision,
    p_value             double precision,
    -- requests per day of the city, the last days up to the day it was raised, oldest first, comma-separated
    trend               varchar(200)     not null,
    trend_first_day     date             not null,
    department_id       bigint references department (id),
    department_code     varchar(40),
    department_name     varchar(100),
    status              varchar(10)      not null check (status in ('OPEN', 'ACTED', 'DISMISSED')),
    raised_at           timestamptz      not null,
    decided_at          timestamptz,
    decided_by          varchar(40),
    dismissal_reason    varchar(2000),
    proactive_number    varchar(20),
    check ((status = 'OPEN') = (decided_at is null)),
    check ((status = 'ACTED') = (proactive_number is not null)),
    check ((status = 'DISMISSED') = (dismissal_reason is not null))
);

-- one open hotspot per kind, category and area: the pass does not raise it again while it is open
create unique index hotspot_open_scope on hotspot (kind, coalesce(category_code, ''), coalesce(district, ''),
    coalesce(street, '')) where status = 'OPEN';
create index hotspot_raised on hotspot (raised_at desc);
create index hotspot_department on hotspot (department_id, raised_at desc);

-- the work orders behind a hotspot (ids and numbers are the work-order feature's; kept as values, no foreign key)
create table hotspot_work_order (
    hotspot_id          bigint      not null references hotspot (id) on delete cascade,
    work_order_id       bigint      not null,
    work_order_number   varchar(20) not null,
    primary key (hotspot_id, work_order_id)
);
