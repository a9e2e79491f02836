-- KS Flow's own table, beside Camunda's: one row per case created through the intake API,
-- so a ServiceNow retry with the same record number is recognised (and a changed body refused).
CREATE TABLE IF NOT EXISTS ksf_case_intake (
    case_type           VARCHAR(64)  NOT NULL,
    service_now_ref     VARCHAR(20)  NOT NULL,
    request_hash        VARCHAR(64)  NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMP    NOT NULL,
    PRIMARY KEY (case_type, service_now_ref)
);

-- The notification outbox (dk.kk.ks.flow.notifications): one row per e-mail to send, written in the same
-- transaction as the task or timer that causes it, so a rolled-back step sends nothing. dedup_key (task or case,
-- reason, recipient) makes a repeated step add nothing. The sender sends PENDING rows after the commit, claiming
-- them with locked_by/locked_until (safe with several nodes), and retries with backoff while the mail server is down.
-- HELD rows wait for the recipient's daily digest (a DIGEST row), then become BUNDLED with its id in digest_id.
-- The text is written when the e-mail is sent, from the engine's data: the table holds no case data.
CREATE TABLE IF NOT EXISTS ksf_notification (
    id              VARCHAR(36)  NOT NULL,
    dedup_key       VARCHAR(400) NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    user_id         VARCHAR(64),
    case_id         VARCHAR(64),
    task_id         VARCHAR(64),
    digest_id       VARCHAR(36),
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP    NOT NULL,
    locked_by       VARCHAR(36),
    locked_until    TIMESTAMP,
    last_error      VARCHAR(200),
    created_at      TIMESTAMP    NOT NULL,
    sent_at         TIMESTAMP,
    PRIMARY KEY (id),
    CONSTRAINT ksf_notification_dedup UNIQUE (dedup_key)
);
CREATE INDEX IF NOT EXISTS ksf_notification_due ON ksf_notification (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS ksf_notification_digest ON ksf_notification (digest_id);

-- Facts of a case that decide who may approve it, written only by the application in the engine's transaction:
-- the requester as the case was started, the employee's user id and the approver that Opus or the caseworker
-- named. No API writes them, so no task completion and no variable change can alter them.
CREATE TABLE IF NOT EXISTS ksf_case_fact (
    process_instance_id VARCHAR(64)  NOT NULL,
    name                VARCHAR(64)  NOT NULL,
    fact_value          VARCHAR(255) NOT NULL,
    recorded_at         TIMESTAMP    NOT NULL,
    PRIMARY KEY (process_instance_id, name)
);

-- Each approval given on a case, in order (approval_number 1, 2, ...): who approved which step with which task,
-- recorded when the completion was accepted.
CREATE TABLE IF NOT EXISTS ksf_approval (
    process_instance_id VARCHAR(64)  NOT NULL,
    approval_number     INTEGER      NOT NULL,
    task_id             VARCHAR(64)  NOT NULL,
    step                VARCHAR(255) NOT NULL,
    user_id             VARCHAR(255) NOT NULL,
    approved_at         TIMESTAMP    NOT NULL,
    PRIMARY KEY (process_instance_id, approval_number),
    UNIQUE (process_instance_id, task_id)
);
