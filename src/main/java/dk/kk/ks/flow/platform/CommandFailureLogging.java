package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.deployment.DeploymentRefusedException;

/**
 * The engine logs a failed command as ERROR with its stack trace (ENGINE-16004, logger
 * {@code org.camunda.bpm.engine.context}), except failures that are the caller's own (an optimistic
 * lock, a bad request, a missing authorization), which it logs at DEBUG. Some more are reported elsewhere, so
 * the engine logs them at DEBUG too: a refused deployment (the answer names the file, element and rule), a migration
 * the validation refused (the process owners' migration answers with the reasons), a {@link TaskRefusal} (the caller's own; {@link CompletionRules} has logged
 * it as one WARN line) and a job failing in the job executor ({@link FailedJobLogging} logs one line per attempt
 * and the stack trace with the incident). Every other failure is still logged as ERROR with its stack trace.
 */
@Component
class CommandFailureLogging extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new RefusalAwareCommandContext(processEngineConfiguration);
            }
        };
        // Set here: the engine sets its configuration only on the factory it creates itself.
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    private static final class RefusalAwareCommandContext extends CommandContext {

        RefusalAwareCommandContext(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        protected boolean shouldLogFine(Throwable failure) {
            return super.shouldLogFine(failure) || TaskRefusal.in(failure) != null || failure instanceof DeploymentRefusedException
                    || failure instanceof MigratingProcessInstanceValidationException || failure instanceof MigrationPlanValidationException
                    || Context.getJobExecutorContext() != null;
        }
    }
}
