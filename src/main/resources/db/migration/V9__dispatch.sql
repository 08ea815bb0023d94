-- Classify and dispatch (分类处置、按责转办): the responsibility list (确责清单) with its versions, the models that
-- suggest categories and departments, and the archive of historical work orders a city trains them from.

create extension if not exists btree_gist;

create sequence responsibility_rule_seq start with 1 increment by 50;
-- the identities of rules (R1, R2, …), apart from the ids of their versions
create sequence responsibility_rule_number_seq;

-- One row per version of a rule. rule_id is the rule's identity across versions; a work order records the row (the
-- version) that dispatched it. A version replaced before it took effect is withdrawn and kept for the record.
create table responsibility_rule (
    id                        bigint       primary key,
    rule_id                   bigint       not null,
    version                   integer      not null,
    category_id               bigint       not null references category (id),
    district                  varchar(50),
    street                    varchar(50),
    lead_department_id        bigint       not null references department (id),
    assisting_department_ids  bigint[]     not null,
    handling_level            varchar(10)  not null check (handling_level in ('CITY', 'DISTRICT', 'STREET')),
    effective_from            date         not null,
    -- exclusive; null while the version is in force with no end
    effective_to              date,
    withdrawn                 boolean      not null default false,
    created_by                varchar(40)  not null,
    created_at                timestamptz  not null,
    note                      varchar(500),
    unique (rule_id, version),
    check (street is null or district is not null),
    check (effective_to is null or effective_to > effective_from),
    -- no two rules for the same key in force at the same time
    exclude using gist (category_id with =, (coalesce(district, '')) with =, (coalesce(street, '')) with =,
        (daterange(effective_from, effective_to)) with &&) where (not withdrawn)
);

create index responsibility_rule_category on responsibility_rule (category_id);

alter table work_order add column dispatch_rule_id bigint references responsibility_rule (id);
-- set when automatic dispatch found no responsible department: the work order waits in the hotline review queue
alter table work_order add column needs_dispatch_review boolean not null default false;
create index work_order_dispatch_review on work_order (registered_at) where needs_dispatch_review;

-- Trained models, each version kept; the newest of a kind is the one in use.
create sequence dispatch_model_seq start with 1 increment by 50;

create table dispatch_model (
    id          bigint       primary key,
    kind        varchar(20)  not null check (kind in ('CATEGORY', 'DEPARTMENT')),
    version     integer      not null,
    trained_at  timestamptz  not null,
    trained_on  integer      not null,
    evaluation  text         not null,
    model       bytea        not null,
    unique (kind, version)
);

-- A city's archive of work orders (imported through the API) to train the models from on day one.
create sequence historical_work_order_seq start with 1 increment by 50;

create table historical_work_order (
    id                          bigint        primary key,
    external_id                 varchar(100)  not null unique,
    title                       varchar(200)  not null,
    content                     text          not null,
    category_id                 bigint        references category (id),
    department_id               bigint        references department (id),
    -- departments whose return (退单) of it was approved: evidence against them, never for them
    returned_by_department_ids  bigint[]      not null,
    district                    varchar(50),
    registered_on               date,
    imported_at                 timestamptz   not null,
    check (category_id is not null or department_id is not null)
);
