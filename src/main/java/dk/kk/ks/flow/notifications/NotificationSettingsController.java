package dk.kk.ks.flow.notifications;

import io.swagger.v3.oas.annotations.Hidden;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.InvalidRequestException;

/**
 * The logged-in person's own e-mail settings: {@code digest} true for one e-mail a day listing the tasks that wait,
 * false (the default) for one e-mail per task. Stored as the user info {@value Recipients#DIGEST_KEY} in Camunda's
 * identity service. Only the caller's own settings: there is no user id to name. For people (a page or a script of
 * their own), not part of the ServiceNow contract, so it is left out of the API description.
 */
@Hidden
@RestController
class NotificationSettingsController {

    static final String PATH = "/api/v1/me/notification-settings";

    private final IdentityService identityService;

    NotificationSettingsController(IdentityService identityService) {
        this.identityService = identityService;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> settings(Principal caller) {
        return answer(caller.getName());
    }

    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> change(Principal caller, @RequestBody JsonNode body) {
        JsonNode digest = body == null ? null : body.get("digest");
        if (digest == null || !digest.isBoolean()) {
            throw new InvalidRequestException("The body must be {\"digest\": true} or {\"digest\": false}",
                    List.of(new CaseType.FieldError("digest", "must be true or false")));
        }
        identityService.setUserInfo(caller.getName(), Recipients.DIGEST_KEY, String.valueOf(digest.booleanValue()));
        return answer(caller.getName());
    }

    private Map<String, Object> answer(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("digest", "true".equals(identityService.getUserInfo(userId, Recipients.DIGEST_KEY)));
        settings.put("email", user == null ? null : user.getEmail());
        return settings;
    }
}
