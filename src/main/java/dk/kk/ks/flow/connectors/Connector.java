package dk.kk.ks.flow.connectors;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.integration.ExternalRejectionException;

/**
 * A generic connector: one operation of one external system, configured entirely in the diagram through
 * {@code camunda:inputParameter}s (an element template in processes/.camunda/element-templates/ fills them
 * in). Its result goes to the variable named by the input {@code resultVariable}. A refusal by the system
 * (ExternalRejectionException) becomes a BPMN error whose code is the system's code (EMPLOYEE_NOT_FOUND,
 * RECORD_NOT_FOUND, ...), which the diagram may catch. A connector that declares the input
 * {@link ConnectorInput#REFUSAL_ERROR_CODE} lets the diagram decide that a refusal ends the case: when the input is
 * set, the refusal records the outcome REJECTED with the system's code as the reason (CaseOutcome.refusal) and the
 * BPMN error carries the input's code instead. A refusal that no error event of the diagram catches (ErrorCatchers) is
 * not a BPMN error, which Camunda would let end the execution quietly, but a failure like any other: the engine's
 * retries and then an incident, as for any other failure. Writes carry IdempotencyKeys.of(execution) and must sit after an async continuation
 * (every deployment is checked for it: DeploymentRules).
 */
public abstract class Connector implements JavaDelegate {

    /** What an operation does to its system. */
    protected enum Effect {
        /** Reads only. */
        READS,
        /** Changes the system (it must then sit after an async continuation). */
        WRITES,
        /**
         * Changes the system and moves money or what money is paid on: pays out, books, keys a payment into payroll,
         * orders a card with a limit. Every deployment keeps such a step as KS Flow ships it (the deployment rule
         * MONEY_STEPS): only in a case type's process, and a new version keeps its inputs.
         */
        MOVES_MONEY
    }

    private final List<ConnectorInput> inputs;
    private final Effect effect;

    /**
     * @param inputs the inputs, in the order the element template shows them
     * @param writes true when the operation changes the external system
     */
    protected Connector(List<ConnectorInput> inputs, boolean writes) {
        this(inputs, writes ? Effect.WRITES : Effect.READS);
    }

    /**
     * @param inputs the inputs, in the order the element template shows them
     * @param effect what the operation does to the external system
     */
    protected Connector(List<ConnectorInput> inputs, Effect effect) {
        this.inputs = List.copyOf(inputs);
        this.effect = effect;
    }

    public List<ConnectorInput> inputs() {
        return inputs;
    }

    public boolean writes() {
        return effect != Effect.READS;
    }

    /** Whether the operation moves money (pays, books, keys a payment, orders a card): see {@link Effect#MOVES_MONEY}. */
    public boolean movesMoney() {
        return effect == Effect.MOVES_MONEY;
    }

    protected abstract void run(DelegateExecution execution);

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            run(execution);
        } catch (ExternalRejectionException refused) {
            String refusalCode = inputs.contains(ConnectorInput.REFUSAL_ERROR_CODE) ? ConnectorInput.REFUSAL_ERROR_CODE.text(execution) : null;
            boolean endsCase = refusalCode != null && !refusalCode.isBlank();
            String code = endsCase ? refusalCode.trim() : refused.code();
            if (!ErrorCatchers.catches(execution, code)) {
                throw new IllegalStateException(refused.system() + " refused the request: " + refused.code()
                        + "; no error event of the diagram catches " + code, refused);
            }
            if (endsCase) {
                throw CaseOutcome.refusal(execution, code, List.of(refused.code()));
            }
            throw new BpmnError(code, refused.system() + " refused the request: " + code);
        }
    }

    /** Sets the variable named by the input {@code resultVariable} (in the nearest scope that has it, else the process). */
    protected static void result(DelegateExecution execution, Object value) {
        execution.setVariable(ConnectorInput.RESULT_VARIABLE.text(execution), value);
    }
}
