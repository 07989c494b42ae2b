package org.rectifywatch.sink.notify.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request signing. DingTalk's 加签: HmacSHA256 keyed with the secret over {@code timestamp + "\n" + secret}, Base64,
 * URL-encoded, appended to the robot URL as {@code &timestamp=…&sign=…} (the robot refuses a timestamp more than
 * an hour off). A generic receiver gets the HMAC of the body in a header instead.
 */
public final class RobotSigner {
    private RobotSigner() {
    }

    public static String dingTalkSign(String secret, long timestampMillis) {
        byte[] mac = hmac(secret, timestampMillis + "\n" + secret);
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /** The robot URL with {@code timestamp} and {@code sign} appended. */
    public static String signedDingTalkUrl(String url, String secret, long timestampMillis) {
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign=" + dingTalkSign(secret, timestampMillis);
    }

    /** {@code sha256=<hex HMAC of the body>} for the {@code X-Rectify-Signature} header of a generic webhook. */
    public static String bodySignature(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
