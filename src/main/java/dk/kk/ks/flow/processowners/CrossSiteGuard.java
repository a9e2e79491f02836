package dk.kk.ks.flow.processowners;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.AccessDeniedException;

/**
 * The process owners' POSTs log in with HTTP Basic, which a browser sends again by itself, also when another site's
 * page submits a form to KS Flow. A browser marks such a request ({@code Sec-Fetch-Site: cross-site} or
 * {@code same-site}); it is refused (403) before it can move cases or spend the server's time. Clients that are not
 * browsers send no such header.
 */
final class CrossSiteGuard {

    private CrossSiteGuard() {
    }

    static void refuseCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
            throw new AccessDeniedException("A request from another site");
        }
    }
}
