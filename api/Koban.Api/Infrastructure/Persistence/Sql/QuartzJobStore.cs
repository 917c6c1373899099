namespace Koban.Api.Infrastructure.Persistence.Sql;

/// <summary>
/// The tables of Quartz.NET 4.7's ADO.NET job store on PostgreSQL (prefix <c>qrtz_</c>), written from the schema the
/// Quartz 4.7.3 package documents for PostgreSQL (column names and types its <c>PostgreSQLDelegate</c> reads and
/// writes, including the 4.x columns: execution groups, preferred nodes, retries, continuations, pause reasons,
/// per-trigger misfire thresholds, fixed delays, execution history and job status). Quartz only validates the schema at
/// start-up (<c>SchemaProvisioning.Validate</c>); it never creates it, so upgrades stay in our migrations.
/// These tables carry no <c>company_id</c>: they hold the schedule, never company data, so row-level security does not
/// apply; the application role gets DML rights on them like on every table (<see cref="DatabaseSetup"/>).
/// Kept apart from the generated migration so it is re-applied as is if the migration is regenerated.
/// </summary>
public static class QuartzJobStore
{
    public const string Up = """
        CREATE TABLE qrtz_job_details (
          sched_name        text NOT NULL,
          job_name          text NOT NULL,
          job_group         text NOT NULL,
          description       text,
          job_class_name    text NOT NULL,
          is_durable        boolean NOT NULL,
          is_nonconcurrent  boolean NOT NULL,
          is_update_data    boolean NOT NULL,
          requests_recovery boolean NOT NULL,
          job_data          bytea,
          CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group)
        );

        CREATE TABLE qrtz_triggers (
          sched_name              text NOT NULL,
          trigger_name            text NOT NULL,
          trigger_group           text NOT NULL,
          job_name                text NOT NULL,
          job_group               text NOT NULL,
          description             text,
          next_fire_time          bigint,
          prev_fire_time          bigint,
          priority                integer,
          trigger_state           text NOT NULL,
          trigger_type            text NOT NULL,
          start_time              bigint NOT NULL,
          end_time                bigint,
          calendar_name           text,
          misfire_instr           smallint,
          misfire_orig_fire_time  bigint,
          execution_group         varchar(200),
          preferred_node          varchar(200),
          preferred_node_auto     boolean NOT NULL DEFAULT false,
          retry_policy            varchar(250),
          retry_attempt           integer,
          continues_trigger_name  text,
          continues_trigger_group text,
          continuation_condition  integer,
          overlap_policy          integer,
          pause_reason            varchar(250),
          paused_by               varchar(200),
          paused_at               bigint,
          misfire_threshold       bigint,
          fixed_delay             boolean,
          job_data                bytea,
          CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
          CONSTRAINT fk_qrtz_triggers_job FOREIGN KEY (sched_name, job_name, job_group)
            REFERENCES qrtz_job_details (sched_name, job_name, job_group)
        );

        CREATE TABLE qrtz_simple_triggers (
          sched_name      text NOT NULL,
          trigger_name    text NOT NULL,
          trigger_group   text NOT NULL,
          repeat_count    bigint NOT NULL,
          repeat_interval bigint NOT NULL,
          times_triggered bigint NOT NULL,
          CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
          CONSTRAINT fk_qrtz_simple_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
            REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_cron_triggers (
          sched_name      text NOT NULL,
          trigger_name    text NOT NULL,
          trigger_group   text NOT NULL,
          cron_expression text NOT NULL,
          time_zone_id    text,
          CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
          CONSTRAINT fk_qrtz_cron_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
            REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_simprop_triggers (
          sched_name    text NOT NULL,
          trigger_name  text NOT NULL,
          trigger_group text NOT NULL,
          str_prop_1    text,
          str_prop_2    text,
          str_prop_3    text,
          int_prop_1    integer,
          int_prop_2    integer,
          long_prop_1   bigint,
          long_prop_2   bigint,
          dec_prop_1    numeric,
          dec_prop_2    numeric,
          bool_prop_1   boolean,
          bool_prop_2   boolean,
          time_zone_id  text,
          CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
          CONSTRAINT fk_qrtz_simprop_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
            REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_blob_triggers (
          sched_name    text NOT NULL,
          trigger_name  text NOT NULL,
          trigger_group text NOT NULL,
          blob_data     bytea,
          CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
          CONSTRAINT fk_qrtz_blob_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
            REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_calendars (
          sched_name    text NOT NULL,
          calendar_name text NOT NULL,
          calendar      bytea NOT NULL,
          CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name, calendar_name)
        );

        CREATE TABLE qrtz_paused_trigger_grps (
          sched_name    text NOT NULL,
          trigger_group text NOT NULL,
          pause_reason  varchar(250),
          paused_by     varchar(200),
          paused_at     bigint,
          CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
        );

        CREATE TABLE qrtz_paused_job_grps (
          sched_name   text NOT NULL,
          job_group    text NOT NULL,
          pause_reason varchar(250),
          paused_by    varchar(200),
          paused_at    bigint,
          CONSTRAINT pk_qrtz_paused_job_grps PRIMARY KEY (sched_name, job_group)
        );

        CREATE TABLE qrtz_fired_triggers (
          sched_name               text NOT NULL,
          entry_id                 text NOT NULL,
          trigger_name             text NOT NULL,
          trigger_group            text NOT NULL,
          instance_name            text NOT NULL,
          fired_time               bigint NOT NULL,
          sched_time               bigint NOT NULL,
          priority                 integer NOT NULL,
          state                    text NOT NULL,
          job_name                 text,
          job_group                text,
          is_nonconcurrent         boolean NOT NULL,
          requests_recovery        boolean,
          execution_group          varchar(200),
          progress                 integer,
          progress_message         varchar(250),
          interrupt_requested_time bigint,
          CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
        );

        CREATE TABLE qrtz_scheduler_state (
          sched_name        text NOT NULL,
          instance_name     text NOT NULL,
          last_checkin_time bigint NOT NULL,
          checkin_interval  bigint NOT NULL,
          quartz_version    varchar(20),
          CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
        );

        CREATE TABLE qrtz_locks (
          sched_name text NOT NULL,
          lock_name  text NOT NULL,
          CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name)
        );

        CREATE TABLE qrtz_execution_history (
          sched_name          text NOT NULL,
          entry_id            text NOT NULL,
          instance_name       text NOT NULL,
          job_name            text NOT NULL,
          job_group           text NOT NULL,
          trigger_name        text NOT NULL,
          trigger_group       text NOT NULL,
          fired_time          bigint NOT NULL,
          run_time            bigint NOT NULL,
          succeeded           boolean NOT NULL,
          error_message       text,
          retry_attempt       integer NOT NULL DEFAULT 0,
          retry_scheduled     boolean NOT NULL DEFAULT false,
          execution_log       text,
          result              integer,
          summary             text,
          metrics             text,
          manual              boolean,
          fire_instance_id    text,
          job_input           text,
          job_input_too_large boolean,
          CONSTRAINT pk_qrtz_execution_history PRIMARY KEY (sched_name, entry_id)
        );

        CREATE TABLE qrtz_misfire_history (
          sched_name    text NOT NULL,
          entry_id      text NOT NULL,
          instance_name text NOT NULL,
          trigger_name  text NOT NULL,
          trigger_group text NOT NULL,
          job_name      text,
          job_group     text,
          misfire_time  bigint NOT NULL,
          sched_time    bigint,
          reason        integer,
          CONSTRAINT pk_qrtz_misfire_history PRIMARY KEY (sched_name, entry_id)
        );

        CREATE TABLE qrtz_job_status (
          sched_name           text NOT NULL,
          job_group            text NOT NULL,
          job_name             text NOT NULL,
          first_fired_time     bigint NOT NULL,
          last_fired_time      bigint NOT NULL,
          last_result          integer NOT NULL,
          last_run_time        bigint NOT NULL,
          last_instance_name   text NOT NULL,
          last_entry_id        text,
          last_summary         text,
          last_success_time    bigint,
          last_failure_time    bigint,
          last_failure_message text,
          consecutive_failures integer NOT NULL DEFAULT 0,
          run_count            bigint NOT NULL DEFAULT 0,
          failure_count        bigint NOT NULL DEFAULT 0,
          CONSTRAINT pk_qrtz_job_status PRIMARY KEY (sched_name, job_group, job_name)
        );

        -- What the job store filters and sorts on: due triggers by state and time, a job's triggers, firings per node.
        CREATE INDEX ix_qrtz_job_details_group ON qrtz_job_details (sched_name, job_group, job_name);
        CREATE INDEX ix_qrtz_triggers_job ON qrtz_triggers (sched_name, job_name, job_group);
        CREATE INDEX ix_qrtz_triggers_group ON qrtz_triggers (sched_name, trigger_group, trigger_name);
        CREATE INDEX ix_qrtz_triggers_calendar ON qrtz_triggers (sched_name, calendar_name);
        CREATE INDEX ix_qrtz_triggers_due ON qrtz_triggers (sched_name, trigger_state, next_fire_time, priority DESC, misfire_instr);
        CREATE INDEX ix_qrtz_fired_triggers_recovery ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
        CREATE INDEX ix_qrtz_fired_triggers_job ON qrtz_fired_triggers (sched_name, job_name, job_group);
        CREATE INDEX ix_qrtz_fired_triggers_trigger ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
        CREATE INDEX ix_qrtz_execution_history_time ON qrtz_execution_history (sched_name, fired_time);
        CREATE INDEX ix_qrtz_execution_history_node ON qrtz_execution_history (sched_name, instance_name);
        CREATE INDEX ix_qrtz_execution_history_job ON qrtz_execution_history (sched_name, job_group, job_name, fired_time);
        CREATE INDEX ix_qrtz_execution_history_firing ON qrtz_execution_history (sched_name, fire_instance_id);
        CREATE INDEX ix_qrtz_execution_history_trigger ON qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time);
        CREATE INDEX ix_qrtz_misfire_history_time ON qrtz_misfire_history (sched_name, misfire_time);
        CREATE INDEX ix_qrtz_misfire_history_node ON qrtz_misfire_history (sched_name, instance_name);
        """;

    public const string Down = """
        DROP TABLE IF EXISTS qrtz_job_status;
        DROP TABLE IF EXISTS qrtz_misfire_history;
        DROP TABLE IF EXISTS qrtz_execution_history;
        DROP TABLE IF EXISTS qrtz_locks;
        DROP TABLE IF EXISTS qrtz_scheduler_state;
        DROP TABLE IF EXISTS qrtz_fired_triggers;
        DROP TABLE IF EXISTS qrtz_paused_job_grps;
        DROP TABLE IF EXISTS qrtz_paused_trigger_grps;
        DROP TABLE IF EXISTS qrtz_calendars;
        DROP TABLE IF EXISTS qrtz_blob_triggers;
        DROP TABLE IF EXISTS qrtz_simprop_triggers;
        DROP TABLE IF EXISTS qrtz_cron_triggers;
        DROP TABLE IF EXISTS qrtz_simple_triggers;
        DROP TABLE IF EXISTS qrtz_triggers;
        DROP TABLE IF EXISTS qrtz_job_details;
        """;
}
