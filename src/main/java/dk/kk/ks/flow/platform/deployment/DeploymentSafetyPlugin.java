package dk.kk.ks.flow.platform.deployment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What a process owner deploys runs inside the application, so the engine checks it and limits what it can reach:
 * <ul>
 * <li>every new deployment passes {@link DeploymentRules} first ({@link DeploymentCheck}), or nothing of it is stored;</li>
 * <li>expressions resolve only the beans of {@link ExpressionBeans} (Camunda's Spring integration would otherwise
 * resolve every bean: identityService, processEngine, dataSource, ...), behind {@link ExpressionGuard};</li>
 * <li>no script engine runs ({@link NoScriptEngines}).</li>
 * </ul>
 */
@Component
class DeploymentSafetyPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final ExpressionBeans beans;
    private final DeploymentRules rules;

    DeploymentSafetyPlugin(ApplicationContext applicationContext, ExpressionBeans beans, DeploymentRules rules) {
        this.applicationContext = applicationContext;
        this.beans = beans;
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBeans(beans.resolvable());
        configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, configuration.getBeans(), new ExpressionGuard(beans)));
        configuration.setScriptEngineResolver(new NoScriptEngines());
        List<Deployer> preDeployers = new ArrayList<>();
        preDeployers.add(new DeploymentCheck(rules));
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(preDeployers);
    }
}
