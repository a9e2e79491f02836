package dk.kk.ks.flow.platform.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DeploymentRules} inside the engine, before the BPMN, DMN and form deployers, on every new deployment
 * whatever API made it. A deployment that breaks a rule is refused with {@link DeploymentRefusedException}; the
 * command's transaction is rolled back, so nothing of it is stored. Deployments already stored (read again into the
 * cache) are not checked again.
 */
final class DeploymentCheck implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(DeploymentCheck.class);

    private final DeploymentRules rules;

    DeploymentCheck(DeploymentRules rules) {
        this.rules = rules;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
        // No authenticated user: the application's own deployment of processes/ at start, a KS Flow release, which may
        // change the money steps (every call to /engine-rest is authenticated and runs as its user).
        boolean release = Context.getCommandContext().getAuthenticatedUserId() == null;
        List<Violation> violations = rules.check(resources, DeploymentCheck::formDeployed, DeploymentCheck::latestDeployed, release);
        if (!violations.isEmpty()) {
            log.warn("Refused deployment '{}' by {}: {}", deployment.getName(), authenticatedUser(),
                    violations.stream().map(Violation::message).toList());
            throw new DeploymentRefusedException(violations);
        }
    }

    private static boolean formDeployed(String key) {
        return Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
    }

    /** The file of the latest deployed version of the process key, or null when it has none. */
    private static byte[] latestDeployed(String processKey) {
        CommandContext context = Context.getCommandContext();
        ProcessDefinitionEntity latest = context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(processKey);
        if (latest == null) {
            return null;
        }
        ResourceEntity resource = context.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
        return resource == null ? null : resource.getBytes();
    }

    private static String authenticatedUser() {
        String user = Context.getCommandContext().getAuthenticatedUserId();
        return user == null ? "the application" : user;
    }
}
