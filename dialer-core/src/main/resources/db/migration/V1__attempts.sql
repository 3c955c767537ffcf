-- The attempt ledger: one row per call, every field of a ledger line (see AttemptCodec for their meaning).
-- Partitioned by the month the call was originated in (UTC); partitions are created ahead by the engine
-- (LedgerSchema) and dropped whole once older than ledger.retention. A call's line always carries the instant its
-- originate was sent (its INTERRUPTED stand-in carries the same), so the key (call_id, originated_at) keeps one
-- line per call id.
create table attempts (
    call_id                     text        not null,
    campaign                    text        not null,
    account                     text        not null,
    number                      text        not null,
    zone                        text        not null,
    debtor_local_time           timestamp   not null,
    originated_at               timestamptz not null,
    originate_accepted_at       timestamptz,
    answered_at                 timestamptz,
    bridged_at                  timestamptz,
    ended_at                    timestamptz not null,
    outcome                     text        not null,
    disposition                 text        not null,
    agent                       text,
    abandoned                   boolean     not null,
    promise_amount_minor        bigint,
    promise_currency            text,
    promise_date                date,
    flow_version                text,
    location_call               boolean     not null default false,
    right_party                 boolean,
    disclosed                   text,
    time_zones                  text,
    rules_version               text,
    counted_7d                  integer,
    connected_today             integer,
    unanswered_on_number_today  integer,
    primary key (call_id, originated_at)
) partition by range (originated_at);

-- The product's queries: an account's history, a campaign's day, a number's day.
create index attempts_by_account on attempts (account, originated_at);
create index attempts_by_campaign_day on attempts (campaign, originated_at);
create index attempts_by_number_day on attempts (number, originated_at);
