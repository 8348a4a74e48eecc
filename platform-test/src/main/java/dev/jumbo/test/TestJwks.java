package dev.jumbo.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint on loopback standing in for auth-service's, with keys the test controls, and helpers to
 * mint access tokens. {@link JumboIntegrationTest} points services at it ({@code JUMBO_JWKS_URI}).
 */
public final class TestJwks {

    public static final String ISSUER = "jumbo";
    public static final String AUDIENCE = "jumbo-api";

    private static TestJwks instance;

    private final HttpServer server;
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    private TestJwks() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(published.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList())
                    .toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        published.add(newKey());
    }

    public static synchronized TestJwks get() {
        if (instance == null) {
            instance = new TestJwks();
        }
        return instance;
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    public RSAKey currentKey() {
        return published.get(published.size() - 1);
    }

    /** Publishes a new signing key next to the old ones, as a rotation does. */
    public RSAKey rotate() {
        RSAKey key = newKey();
        published.add(key);
        return key;
    }

    public int fetches() {
        return fetches.get();
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWTClaimsSet.Builder validClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("user"));
    }

    /** A valid access token of {@code userId} with the given roles, signed with the current key. */
    public static String tokenFor(String userId, String... roles) {
        JWTClaimsSet.Builder claims = validClaims(userId);
        if (roles.length > 0) {
            claims.claim("roles", List.of(roles));
        }
        return sign(get().currentKey(), claims.build());
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
