package org.adabet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixCacheConfigTest {
    @Test
    void prefixCacheIsOnByDefaultAndTheSwitchTurnsItOff() {
        assertTrue(ConfigLoader.load("quick", List.of()).retrain().cachesPrefix());
        SweepConfig off = ConfigLoader.load("quick", List.of("retrain.prefix-cache=false"));
        assertFalse(off.retrain().prefixCache());
        assertFalse(off.retrain().cachesPrefix());
    }

    @Test
    void aNonBooleanSwitchIsRejectedByName() {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.load("quick", List.of("retrain.prefix-cache=maybe")));
        assertTrue(e.getMessage().contains("adabet.retrain.prefix-cache"), e.getMessage());
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
    }

    @Test
    void theSwitchDoesNotChangeARunsIdentity() {
        assertEquals(
                ConfigLoader.load("quick", List.of()).science(),
                ConfigLoader.load("quick", List.of("retrain.prefix-cache=false")).science());
    }

    @Test
    void stochasticInputsTurnCachingOffWhateverTheSwitch() {
        RetrainConfig r = ConfigLoader.load("quick", List.of()).retrain();
        RetrainConfig augmented =
                new RetrainConfig(r.training(), r.seeds(), r.validationFraction(), true, true);
        assertFalse(augmented.cachesPrefix());
    }
}
