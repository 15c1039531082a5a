package org.adabet.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A run's identity: a hash of the configuration that decides its results and of the code that
 * computed them (project version, git commit, libtorch kernel path). Output folders, Spark masters
 * and partition counts are not part of it; another commit always is.
 */
public final class RunId {
    private RunId() {}

    /** 16 hex digits of SHA-256(science configuration text + code version). */
    public static String of(String renderedConfig, String codeVersion) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(renderedConfig.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(codeVersion.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /**
     * 16 hex digits of SHA-256 of the science configuration alone: the same for the same
     * configuration on any commit (the {@code runs} index's {@code config_hash}).
     */
    public static String configHash(String scienceConfig) {
        return of(scienceConfig, "");
    }
}
