package org.adabet.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Per-task random generators derived from (run seed, task key). No global generator exists: the
 * same key gives the same stream on any executor, in any order, so results do not depend on how
 * Spark schedules tasks.
 */
public final class Seeds {
    private Seeds() {}

    /**
     * A 64-bit seed from the run seed and a task key such as {@code "init|convnet_s|new_classes"}.
     */
    public static long derive(long seed, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '|');
            byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** A generator for one task. */
    public static SplittableRandom random(long seed, String key) {
        return new SplittableRandom(derive(seed, key));
    }
}
