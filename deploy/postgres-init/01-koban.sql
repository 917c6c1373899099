-- Run once by the postgres:15 image when its data volume is empty
-- (mounted at /docker-entrypoint-initdb.d by docker-compose.yml).
--
-- koban_owner: owns the database and the schema; the API uses it only to apply
--              migrations and secure the tables at startup (ConnectionStrings__KobanOwner).
-- koban_app:   the API's runtime role (ConnectionStrings__Koban). Owns nothing, cannot
--              bypass row-level security; the API grants it table rights after migrating.
--
-- The passwords below are for the local compose demo only. Change them (and the
-- connection strings in docker-compose.yml) for anything reachable from a network.
CREATE ROLE koban_owner LOGIN PASSWORD 'koban_owner_dev' NOSUPERUSER NOCREATEROLE;
CREATE ROLE koban_app LOGIN PASSWORD 'koban_app_dev' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE koban OWNER koban_owner;
