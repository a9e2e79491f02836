package dk.kk.ks.flow.sandbox;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The sandbox's own endpoints: the index page, each simulator's health resource, request log and fault switch. */
@RestController
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class SandboxController {

    private final SandboxSystems systems;

    SandboxController(SandboxSystems systems) {
        this.systems = systems;
    }

    @GetMapping(path = {"/sandbox", "/sandbox/"}, produces = MediaType.TEXT_HTML_VALUE)
    String index() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>KS Flow sandkasse</title>
                <style>body{font-family:sans-serif;max-width:48em;margin:2em auto}li{margin:.3em 0}</style></head><body>
                <h1>KS Flow: sandkasse</h1>
                <p>Simulatorer af de eksterne systemer. Log ind i Tasklist som <code>bo</code> (adgangskode <code>bo</code>).</p>
                <ul><li><a href="/camunda/app/tasklist/">Tasklist</a> · <a href="/camunda/app/cockpit/">Cockpit</a>
                · <a href="/camunda/app/admin/">Admin</a> · <a href="/swagger-ui.html">API (OpenAPI)</a></li></ul>
                <h2>Systemer</h2><ul>
                """);
        for (SimulatedSystem system : systems.all()) {
            String name = system.name();
            html.append("<li><b>").append(name).append("</b>: <a href=\"/sandbox/").append(name).append("/requests\">modtagne kald</a> · ")
                    .append("<a href=\"/sandbox/").append(name).append("/faults\">fejlkontakt</a></li>\n");
        }
        html.append("""
                </ul><p>Testdata: <code>PUT /sandbox/opus/employees/{nr}</code>, <code>/sandbox/opus/accounts/{konto}</code>,
                <code>/sandbox/opus/cost-centers/{sted}</code>, <code>/sandbox/opus/periods/{åååå-mm}</code>,
                <code>/sandbox/opus/debtors/{debitor}</code>, <code>/sandbox/servicenow/contracts/{nr}</code>,
                <code>/sandbox/cardissuer/cards/{kort}</code> (alle kort: <a href="/sandbox/cardissuer/cards">GET</a>).
                Journaliseret i eDoc: <a href="/sandbox/edoc/cases">sager og dokumenter</a>;
                sendt med Digital Post: <a href="/sandbox/digitalpost/messages">meddelelser</a>.</p>
                <h2>E-mail</h2><p>Sandkassens postserver modtager de e-mails, KS Flow sender til godkendere:
                <a href="/sandbox/mail">sendte e-mails</a> (som JSON: <a href="/sandbox/mail/messages">/sandbox/mail/messages</a>).</p></body></html>
                """);
        return html.toString();
    }

    /**
     * The simulated system's health resource (ksflow.systems.{system}.health-path), which the application's health
     * check reads with the system's credentials. Outside /api: not in the request log, not hit by the fault switch.
     */
    @GetMapping("/sandbox/{system}/health")
    Map<String, String> health(@PathVariable String system) {
        system(system);
        return Map.of("status", "UP");
    }

    @GetMapping("/sandbox/{system}/requests")
    List<SimulatedSystem.RecordedRequest> requests(@PathVariable String system) {
        return system(system).requests();
    }

    @DeleteMapping("/sandbox/{system}/requests")
    void clearRequests(@PathVariable String system) {
        system(system).clearRequests();
    }

    @GetMapping("/sandbox/{system}/faults")
    Map<String, Object> fault(@PathVariable String system) {
        return system(system).faultStatus();
    }

    @PutMapping("/sandbox/{system}/faults")
    Map<String, Object> setFault(@PathVariable String system, @RequestBody SimulatedSystem.Fault fault) {
        int status = fault.status() == 0 ? HttpStatus.SERVICE_UNAVAILABLE.value() : fault.status();
        if (fault.failNext() < 0 || status < 400 || status > 599) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "failNext must be >= 0 and status an HTTP error status (400-599)");
        }
        SimulatedSystem simulated = system(system);
        simulated.setFault(new SimulatedSystem.Fault(fault.failNext(), status, fault.answerLost()));
        return simulated.faultStatus();
    }

    @DeleteMapping("/sandbox/{system}/faults")
    Map<String, Object> clearFault(@PathVariable String system) {
        SimulatedSystem simulated = system(system);
        simulated.setFault(new SimulatedSystem.Fault(0, 503, false));
        return simulated.faultStatus();
    }

    private SimulatedSystem system(String name) {
        return systems.find(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No simulator named " + name));
    }
}
