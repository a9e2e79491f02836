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
