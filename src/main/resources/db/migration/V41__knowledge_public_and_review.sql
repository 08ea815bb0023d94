-- Public answers and co-editing (issue 21): an editor marks an article public (citizens and partners may find it);
-- a note for the hotline's staff only is never shown to them; every article has a review date on which its owner
-- department (department_id) checks that it still holds, and is reminded before it (review_notified_on records the
-- date last reminded of, so that each date is reminded once).
alter table knowledge_article
    add column public_answer      boolean       not null default false,
    add column internal_note      varchar(2000),
    add column review_on          date,
    add column review_notified_on date;
update knowledge_article set review_on = (updated_at at time zone 'Asia/Shanghai')::date + interval '1 year';
alter table knowledge_article alter column review_on set not null;
create index knowledge_article_review on knowledge_article (review_on);
