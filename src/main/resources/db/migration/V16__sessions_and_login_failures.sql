-- A page session ends when its user's credentials change: each session cookie carries the credential version it was
-- started with, and logout, a password change or reset, disabling and a change of role or department move it on.
alter table app_user add column credential_version bigint not null default 0;

-- Failed logins and locks, shared by every instance so that a lock holds on all of them and survives restarts.
create table login_failure (
    username        varchar(40) primary key,
    failures        integer     not null check (failures > 0),
    locked_until    timestamptz,
    last_failure_at timestamptz not null
);
