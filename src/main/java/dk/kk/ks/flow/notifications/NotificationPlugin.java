package dk.kk.ks.flow.notifications;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskNotifications} as a listener on "create" and "assignment" to every user task of every diagram the
 * engine parses, so a diagram a process owner deploys from Modeler notifies people with nothing in the diagram. The
 * listener is Java, not an expression. It runs after the diagram's own listeners of the same event.
 */
@Component
class NotificationPlugin extends AbstractProcessEnginePlugin {

    /** TaskNotifications needs the engine's services, which need this plugin first: it is looked up on each event. */
    private final ObjectProvider<TaskNotifications> notifications;

    NotificationPlugin(ObjectProvider<TaskNotifications> notifications) {
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener listener = (DelegateTask task) -> notifications.getObject().notify(task);
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    TaskDefinition definition = userTask.getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                    definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
                }
            }
        });
    }
}
