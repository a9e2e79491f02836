package dk.kk.ks.flow.connectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Whether the diagram catches a BPMN error thrown by a connector's step: an error boundary event on the step or on a
 * sub-process around it, or an error start event of an event sub-process in one of those scopes, for the code or for
 * every code. Camunda ends an execution quietly when nothing catches its BPMN error (no incident, the case stuck or
 * ended without its last steps), so a connector throws a BPMN error only where the diagram has a catch for it.
 */
final class ErrorCatchers {

    private ErrorCatchers() {
    }

    static boolean catches(DelegateExecution execution, String code) {
        FlowElement step = execution.getBpmnModelElementInstance();
        if (step == null) {
            return false;
        }
        ModelElementInstance scope = step;
        while (scope != null) {
            if (scope instanceof Activity activity && boundaryCatches(activity, code)) {
                return true;
            }
            ModelElementInstance parent = scope.getParentElement();
            if (parent != null && eventSubProcessCatches(parent, code)) {
                return true;
            }
            scope = parent instanceof SubProcess ? parent : null;
        }
        return false;
    }

    private static boolean boundaryCatches(Activity activity, String code) {
        for (BoundaryEvent boundary : activity.getModelInstance().getModelElementsByType(BoundaryEvent.class)) {
            if (boundary.getAttachedTo() == activity && anyCatches(boundary.getEventDefinitions(), code)) {
                return true;
            }
        }
        return false;
    }

    private static boolean eventSubProcessCatches(ModelElementInstance scope, String code) {
        for (SubProcess sub : scope.getChildElementsByType(SubProcess.class)) {
            if (sub.triggeredByEvent()) {
                for (StartEvent start : sub.getChildElementsByType(StartEvent.class)) {
                    if (anyCatches(start.getEventDefinitions(), code)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean anyCatches(Iterable<EventDefinition> definitions, String code) {
        for (EventDefinition definition : definitions) {
            if (definition instanceof ErrorEventDefinition errorDefinition) {
                Error error = errorDefinition.getError();
                if (error == null || error.getErrorCode() == null || error.getErrorCode().equals(code)) {
                    return true;
                }
            }
        }
        return false;
    }
}
