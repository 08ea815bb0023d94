-- Department scorecards (考核): the scoring versions administrators set, and the departments' appeals (申诉).

-- A version applies from its month until a later version's month; saving never changes a version, so a month keeps
-- the one it was scored with (the latest saved for the latest month not after it).
create table scorecard_version (
    id              bigint generated always as identity primary key,
    valid_from      date         not null check (extract(day from valid_from) = 1),
    -- indicator name -> points, e.g. {"ACCEPTED_ON_TIME": 15, ...}
    weights         jsonb        not null,
    -- department kind -> group name (对比组), e.g. {"CITY_DEPARTMENT": "市直部门", ...}
    groups          jsonb        not null,
    red_count       integer      not null check (red_count >= 0),
    black_count     integer      not null check (black_count >= 0),
    -- the administrator's username; the seeded version's is 系统预置
    created_by      varchar(40)  not null,
    created_at      timestamptz  not null
);
create index scorecard_version_from on scorecard_version (valid_from desc, id desc);

insert into scorecard_version (valid_from, weights, groups, red_count, black_count, created_by, created_at)
values ('2000-01-01',
        '{"ACCEPTED_ON_TIME": 15, "REPLIED_ON_TIME": 20, "RETURNED": 10, "REOPENED": 10, "RESOLVED": 20, "SATISFIED": 20, "SUPERVISED": 5}',
        '{"CITY_DEPARTMENT": "市直部门", "DISTRICT_GOVERNMENT": "区县政府", "STREET_OFFICE": "街道乡镇", "PUBLIC_UTILITY": "公共服务企业"}',
        3, 3, '系统预置', now());

-- A department's appeal that one of its work orders is not fairly its own; upheld, the work order leaves that
-- department's figures. Work orders are the work-order feature's: kept as values, no foreign key.
create table scorecard_appeal (
    id                  bigint generated always as identity primary key,
    work_order_id       bigint        not null,
    work_order_number   varchar(20)   not null,
    department_id       bigint        not null references department (id),
    department_code     varchar(40)   not null,
    kind                varchar(20)   not null check (kind in ('UNREASONABLE', 'WRONG_DISPATCH')),
    reason              varchar(2000) not null,
    evidence            varchar(4000),
    status              varchar(10)   not null check (status in ('PENDING', 'UPHELD', 'REJECTED')),
    submitted_by        varchar(40)   not null,
    submitted_at        timestamptz   not null,
    decided_by          varchar(40),
    decided_at          timestamptz,
    decision_reason     varchar(2000),
    check ((status = 'PENDING') = (decided_at is null))
);
-- one live appeal per work order and department: pending or upheld; a rejected one may be followed by another
create unique index scorecard_appeal_live on scorecard_appeal (work_order_id, department_id)
    where status in ('PENDING', 'UPHELD');
create index scorecard_appeal_status on scorecard_appeal (status, submitted_at);
