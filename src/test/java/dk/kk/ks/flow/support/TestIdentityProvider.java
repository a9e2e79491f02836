package dk.kk.ks.flow.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider in the test JVM (NAV's mock-oauth2-server) for the sso profile: discovery, JWKS,
 * an interactive login page, authorization code with PKCE, client credentials. It issues its tokens on the test clock
 * (TestClock), the clock the application checks them with. One per JVM, shared by every sso test context.
 *
 * <p>Its groups and app roles are named like an identity provider's, never like KS Flow's groups: "sg-" + the KS Flow
 * group for a person's groups, "KSFlow.Intake" for ServiceNow's app role; {@link #register} maps them.
 */
public final class TestIdentityProvider {

    public static final String ISSUER_ID = "kk-tenant";
    public static final String AUDIENCE = "api://ksflow";
    public static final String CLIENT_ID = "ksflow";
    public static final String INTAKE_ROLE = "KSFlow.Intake";
    /** ServiceNow's client (its OAuth profile) at the provider. */
    public static final String SERVICENOW_CLIENT = "servicenow-ksflow";

    /** KS Flow groups a test person can be given ("sg-" + group at the provider). */
    private static final Set<String> MAPPED = Set.of("camunda-admin", "debitor-godkendere", "oekonomi-chefer", "bogholderi",
            "ks-oekonomi", "ks-loen", "ledere", "procesejere", "ledelse", "sandbox-clients");

    /** The sandbox users' groups (README, "Sandbox users"), as the provider would carry them. */
    private static final List<String> CASEWORKER = List.of("debitor-godkendere", "bogholderi", "ks-loen", "ks-oekonomi", "oekonomi-chefer");
    private static final Map<String, List<String>> PEOPLE = Map.of(
            "anna", CASEWORKER, "bo", CASEWORKER, "leder1", List.of("ledere"), "leder2", List.of("ledere"),
            "procesejer", List.of("procesejere"), "chef", List.of("ledelse"), "ksflow-system", List.of("sandbox-clients"),
            "demo", List.of("camunda-admin", "procesejere", "ledelse", "debitor-godkendere", "oekonomi-chefer", "bogholderi",
                    "ks-oekonomi", "ks-loen", "ledere"));

    private static TestIdentityProvider instance;

    private final MockOAuth2Server server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private TestIdentityProvider() {
        OAuth2TokenProvider tokens = new OAuth2TokenProvider(new KeyProvider(), TestClock::now);
        server = new MockOAuth2Server(new OAuth2Config(true, null, null, false, tokens));
        server.start();
    }

    public static synchronized TestIdentityProvider get() {
        if (instance == null) {
            instance = new TestIdentityProvider();
        }
        return instance;
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The sso profile's settings towards this provider, with the group mapping of the test identities. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.registration.ksflow.client-id", () -> CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.ksflow.client-secret", () -> "ksflow-client-secret");
        registry.add("spring.security.oauth2.client.provider.ksflow.issuer-uri", this::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", this::issuer);
        registry.add("ksflow.security.oidc.audience", () -> AUDIENCE);
        registry.add("ksflow.security.oidc.group-mapping.[" + INTAKE_ROLE + "]", () -> "servicenow-intake");
        MAPPED.forEach(group -> registry.add("ksflow.security.oidc.group-mapping.sg-" + group, () -> group));
    }

    /** The provider's groups claim for a sandbox user's KS Flow groups. */
    public static List<String> groupsOf(String user) {
        return PEOPLE.getOrDefault(user, List.of()).stream().map(group -> "sg-" + group).toList();
    }

    /**
     * A client-credentials token, fetched from the provider's token endpoint as ServiceNow's OAuth profile does: the
     * provider gives the client its app roles in "roles" and KS Flow's audience.
     */
    public String clientCredentialsToken(String clientId, List<String> roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("roles", roles);
        claims.put("azp", clientId);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, clientId, "JWT", List.of(AUDIENCE), claims, 3600));
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=servicenow-secret"
                + "&scope=" + encode(AUDIENCE + "/.default");
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.tokenEndpointUrl(ISSUER_ID).toString()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The provider refused client credentials: " + response.body());
            }
            return json.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** ServiceNow's token: its client with the app role that KS Flow maps to servicenow-intake. */
    public String serviceNowToken() {
        return clientCredentialsToken(SERVICENOW_CLIENT, List.of(INTAKE_ROLE));
    }

    /** The token a test sends as a sandbox user: ServiceNow's client-credentials token, or the person's access token. */
    public String tokenFor(String user) {
        return "servicenow".equals(user) ? serviceNowToken() : personToken(user);
    }

    /** A person's access token for KS Flow (as Modeler's deploy dialog or a script would send it). */
    public String personToken(String user) {
        return token(user, AUDIENCE, Map.of("preferred_username", user, "groups", groupsOf(user)), 3600);
    }

    /** A token of this provider, signed with its key, with the given audience, claims and lifetime (negative: expired). */
    public String token(String subject, String audience, Map<String, Object> claims, long expirySeconds) {
        return server.issueToken(ISSUER_ID, subject, new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(audience),
                claims, expirySeconds)).serialize();
    }

    /** The same claims as this provider's token, signed with a key of the attacker's (the key id of the provider's). */
    public String tokenSignedByAnotherKey(Map<String, Object> claims) {
        try {
            RSAKey attacker = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(personToken("bo")).getHeader().getKeyID()).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).build(), claimsSet(claims));
            jwt.sign(new RSASSASigner(attacker));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims, unsigned ("alg": "none"). */
    public String unsignedToken(Map<String, Object> claims) {
        return new PlainJWT(claimsSet(claims)).serialize();
    }

    /** Any token with one claim changed after signing (the signature no longer matches). */
    public static String withForgedClaims(String token, Map<String, Object> forged) {
        String[] parts = token.split("\\.");
        try {
            ObjectMapper json = new ObjectMapper();
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            payload.putAll(forged);
            parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(payload));
            return String.join(".", parts);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet claimsSet(Map<String, Object> claims) {
        Instant now = TestClock.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer()).audience(AUDIENCE).subject("attacker")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
