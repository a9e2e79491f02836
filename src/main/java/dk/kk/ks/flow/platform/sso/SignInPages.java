package dk.kk.ks.flow.platform.sso;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Profile sso: the two pages of signing in and out, in Danish. A person whose token carries no group that KS Flow
 * maps is signed in but may do nothing: the page says so and whom to ask. After signing out (or a failed sign-in),
 * a page with the way back in.
 */
@RestController
@Profile("sso")
class SignInPages {

    @GetMapping(path = "/ingen-adgang", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> noAccess(Authentication authentication, HttpServletRequest request) {
        String who = authentication != null && authentication.getPrincipal() instanceof OidcUser person && person.getFullName() != null
                ? person.getFullName() : authentication == null ? "" : authentication.getName();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String signOut = token == null ? "" : """
                <form method="post" action="%s/logout"><input type="hidden" name="%s" value="%s">
                <button type="submit">Log ud</button></form>""".formatted(request.getContextPath(),
                HtmlUtils.htmlEscape(token.getParameterName()), HtmlUtils.htmlEscape(token.getToken()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML).body(page("Ingen adgang til KS Flow", """
                <p>Du er logget ind%s, men du er ikke medlem af nogen af de grupper, der giver adgang til KS Flow.</p>
                <p>Bed din leder eller Koncernservice om at blive tilføjet den gruppe, du skal arbejde i (fx godkendere af
                udbetalinger), og log derefter ind igen.</p>
                %s""".formatted(who.isBlank() ? "" : " som " + HtmlUtils.htmlEscape(who), signOut)));
    }

    @GetMapping(path = "/logget-ud", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signedOut(HttpServletRequest request) {
        boolean failed = request.getParameter("fejl") != null;
        String text = failed
                ? "<p>Log ind mislykkedes. Prøv igen, eller kontakt Koncernservice, hvis det bliver ved.</p>"
                : "<p>Du er logget ud af KS Flow.</p>";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(failed ? "Log ind mislykkedes" : "Logget ud",
                text + "<p><a href=\"" + request.getContextPath() + "/\">Log ind igen</a></p>"));
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s – KS Flow</title></head>
                <body><main><h1>%s</h1>
                %s
                </main></body></html>""".formatted(title, title, body);
    }
}
