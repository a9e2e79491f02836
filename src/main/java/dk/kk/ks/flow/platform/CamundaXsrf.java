package dk.kk.ks.flow.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The webapps' CSRF token, for a request Spring Security answers before the webapps' own CSRF filter sees it (the
 * webapps' "Log out" with sso): the X-XSRF-TOKEN header must be the token of the caller's session.
 */
final class CamundaXsrf {

    private CamundaXsrf() {
    }

    static boolean headerMatchesSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return header != null && token instanceof String expected
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
