-- Holiday arrangements (节假日安排) that administrators maintain on /admin/calendar: one row per year, its entries in
-- the text format of calendar/holidays-cn.txt, kept as saved (comments such as the notice's address included). The
-- text is the unit an administrator edits and the parser validates; the calendar is built from it in memory, so no
-- query needs the single dates. A year here replaces the shipped or file arrangement of the same year.
create table holiday_year (
    year           integer      primary key check (year between 2000 and 2100),
    entries        text         not null,
    saved_by       varchar(40)  not null,
    saved_by_name  varchar(50)  not null,
    saved_at       timestamptz  not null
);
