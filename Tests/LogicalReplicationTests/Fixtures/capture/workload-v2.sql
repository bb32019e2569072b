-- Protocol 2 workload with streaming 'on' and logical_decoding_work_mem = 64kB.
-- A streamed transaction with an interleaved committed transaction (through dblink) and a
-- rolled-back savepoint, then a streamed transaction that is rolled back as a whole.
begin;
insert into big select g, repeat('x', 100) from generate_series(1, 1000) g;
select dblink_exec(:'dsn', 'insert into small values (1)');
savepoint s1;
insert into big select g, repeat('y', 100) from generate_series(1001, 2000) g;
rollback to savepoint s1;
insert into big values (3000, 'last');
select pg_logical_emit_message(true, 'parity', 'streamed message');
commit;
begin;
insert into big select g, 'z' from generate_series(5000, 6000) g;
rollback;
select pg_logical_emit_message(false, 'capture_end', '');
