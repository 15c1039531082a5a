package org.adabet.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.adabet.config.DataConfig;
import org.adabet.data.DomainData;
import org.adabet.data.SyntheticSuite;
import org.adabet.data.TargetDomain;

/**
 * Generated domains, kept once per JVM: every task of an executor that needs the same domain
 * shares one copy instead of regenerating it. The data is a pure function of (seed, settings).
 */
public final class Domains {
    private static final Map<String, DomainData> CACHE = new ConcurrentHashMap<>();

    private Domains() {}

    public static DomainData source(long seed, DataConfig config) {
        return CACHE.computeIfAbsent(seed + "|" + config + "|source",
                k -> new SyntheticSuite(seed, config).source());
    }

    public static DomainData target(long seed, DataConfig config, TargetDomain target) {
        return CACHE.computeIfAbsent(seed + "|" + config + "|" + target.configName(),
                k -> new SyntheticSuite(seed, config).target(target));
    }
}
