package dk.kk.ks.flow.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Four eyes from facts the approver cannot write, in the engine:
 * <ul>
 * <li>when a case starts, whatever starts it, the requester it was started with ({@code requestedBy}) is
 * recorded in {@link ApprovalFacts}; the approval rules read it from there, never from the variable;</li>
 * <li>the people a task is offered or assigned to may work on it (claim, complete: TASK_WORK), not change it:
 * setting its variables, reassigning or delegating it, changing who may take it need UPDATE, which only
 * administrators have (Camunda's default would give them UPDATE);</li>
 * <li>a completion carries only the fields of the task's form, and no one but an administrator ends a task
 * past its completion rules ({@link CompletionGuard}).</li>
 * </ul>
 */
@Component
class FourEyesEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApprovalFacts facts;

    FourEyesEnginePlugin(ApprovalFacts facts) {
        this.facts = facts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        CompletionGuard guard = new CompletionGuard(configuration);
        configuration.setTaskService(guard.taskService());
        configuration.setFormService(guard.formService());
        List<BpmnParseListener> parseListeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            parseListeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        parseListeners.add(new RequesterRecording(facts));
        configuration.setCustomPreBPMNParseListeners(parseListeners);
    }

    /**
     * On every process's start (a built-in listener: a start that skips custom listeners still records it),
     * the requester among the start variables, as the case was started.
     */
    private static final class RequesterRecording extends AbstractBpmnParseListener implements ExecutionListener {

        private final ApprovalFacts facts;

        RequesterRecording(ApprovalFacts facts) {
            this.facts = facts;
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addBuiltInListener(EVENTNAME_START, this);
        }

        @Override
        public void notify(DelegateExecution execution) {
            if (execution.getVariable(ApprovalFacts.Fact.REQUESTED_BY.variable()) instanceof String requester && !requester.isBlank()) {
                facts.record(execution.getProcessInstanceId(), ApprovalFacts.Fact.REQUESTED_BY, requester);
            }
        }
    }
}
