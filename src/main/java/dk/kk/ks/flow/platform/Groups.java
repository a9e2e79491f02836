package dk.kk.ks.flow.platform;

/** The Camunda groups the application knows (docs/rules.md, "Who approves"). */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String SERVICENOW_INTAKE = "servicenow-intake";
    public static final String DEBITOR_APPROVERS = "debitor-godkendere";
    public static final String FINANCE_MANAGERS = "oekonomi-chefer";
    public static final String BOOKKEEPING = "bogholderi";
    public static final String FINANCE = "ks-oekonomi";
    public static final String PAYROLL = "ks-loen";
    public static final String MANAGERS = "ledere";
    public static final String PROCESS_OWNERS = "procesejere";
    public static final String MANAGEMENT = "ledelse";
    /** The technical user of the application's own HTTP clients towards the sandbox simulators. */
    public static final String SANDBOX_CLIENTS = "sandbox-clients";

    /** Groups whose members work in Tasklist. */
    public static final String[] APPROVER_GROUPS = {DEBITOR_APPROVERS, FINANCE_MANAGERS, BOOKKEEPING, FINANCE, PAYROLL, MANAGERS};

    private Groups() {
    }
}
