-- 一次一评: the caller's rating after the call in the five levels of 好差评 (ServiceRating), stored beside the
-- three-level survey_result it counts as in the rates.
alter table call_record add column service_rating varchar(30)
    check (service_rating in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED',
                              'VERY_DISSATISFIED'));

create index call_record_rated on call_record (surveyed_at) where service_rating is not null;
