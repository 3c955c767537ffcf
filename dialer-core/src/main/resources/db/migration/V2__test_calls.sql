-- A test call (./duecall test-call) is written to the ledger marked test, so reports and audits can leave it out.
alter table attempts add column test boolean not null default false;
