package dev.jumbo.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An RSA signing key; its {@code kid} is the RFC 7638 thumbprint of the public key, so every instance agrees. */
public record SigningKey(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);

    public static SigningKey of(RSAPrivateCrtKey privateKey) {
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            String kid = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
            return new SigningKey(kid, privateKey, publicKey);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot derive the public key", e);
        }
    }

    /** A new 2048-bit key. CPU-heavy (tens of milliseconds): never call it on an event-loop thread. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** Every {@code PRIVATE KEY} (PKCS#8) PEM block in {@code text}, in order; escaped {@code \n} are tolerated. */
    public static List<SigningKey> parseAll(String text) {
        List<SigningKey> keys = new ArrayList<>();
        Matcher matcher = PEM.matcher(text.replace("\\n", "\n"));
        while (matcher.find()) {
            keys.add(fromPkcs8(Base64.getMimeDecoder().decode(matcher.group(1).replaceAll("\\s", ""))));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No '-----BEGIN PRIVATE KEY-----' (PKCS#8) block found");
        }
        return keys;
    }

    public static SigningKey fromPem(String pem) {
        return parseAll(pem).get(0);
    }

    private static SigningKey fromPkcs8(byte[] der) {
        try {
            return of((RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("Not an RSA PKCS#8 private key", e);
        }
    }

    public String privateKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(privateKey.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** The public half as a JWK: kid, kty, alg, use, n, e. */
    public RSAKey publicJwk() {
        return new RSAKey.Builder(publicKey).keyID(kid).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).build();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
