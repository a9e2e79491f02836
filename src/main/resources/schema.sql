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
