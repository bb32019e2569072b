-- Tables and publication created before the replication slots.
create extension dblink;
create type mood as enum ('ok', 'sad');
create table accounts (id int primary key, owner text, balance numeric(12,2));
create table full_t (id int, note text);
alter table full_t replica identity full;
create table docs (id int primary key, a text, body text);
alter table docs alter column body set storage external;
create table trunc_t (id int primary key);
create table moods (id int primary key, m mood);
create table big (id int primary key, payload text);
create table small (id int primary key);
create publication pub for all tables;
