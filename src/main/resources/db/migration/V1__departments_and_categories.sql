-- Handling departments (承办单位) and the three-level category taxonomy (事项分类).

create sequence department_seq start with 1 increment by 50;

create table department (
    id          bigint primary key,
    code        varchar(40)  not null unique,
    name        varchar(100) not null unique,
    kind        varchar(30)  not null check (kind in ('CITY_DEPARTMENT', 'DISTRICT_GOVERNMENT', 'STREET_OFFICE', 'PUBLIC_UTILITY')),
    district    varchar(50),
    active      boolean      not null default true,
    created_at  timestamptz  not null
);

create sequence category_seq start with 1 increment by 50;

create table category (
    id          bigint primary key,
    code        varchar(20)  not null unique,
    name        varchar(100) not null,
    level       smallint     not null check (level between 1 and 3),
    parent_id   bigint references category (id),
    active      boolean      not null default true,
    check ((level = 1) = (parent_id is null))
);

create unique index category_sibling_name on category (coalesce(parent_id, 0), name);
