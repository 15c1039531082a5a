package org.adabet.retrain;

import org.adabet.data.ImageSet;
import org.adabet.model.Network;
import org.adabet.model.PrefixCut;

/**
 * One run's view of the {@link PrefixCache}: each split replaced by its prefix outputs (an {@link
 * ImageSet} of {@code sampleElements x 1 x 1} "images" with the split's labels), looked up by
 * (weights, cut, split content).
 */
final class PrefixFeatures {
    private final Network network;
    private final PrefixCut cut;
    private final PrefixCaching caching;
    private final String cutKey;

    PrefixFeatures(Network network, PrefixCut cut, PrefixCaching caching) {
        this.network = network;
        this.cut = cut;
        this.caching = caching;
        // The prefix tree's hash tells cuts of different widths or image sizes apart (the cache
        // lives in one JVM, where it is stable).
        this.cutKey =
                network.architecture().name()
                        + "@"
                        + cut.position()
                        + "/"
                        + Integer.toHexString(cut.prefix().hashCode());
    }

    RunPath path() {
        return RunPath.suffix(network, cut);
    }

    ImageSet of(ImageSet split) {
        PrefixCache.Key key = new PrefixCache.Key(caching.weights(), cutKey, fingerprint(split));
        float[] values = caching.cache().get(key, () -> Trainer.prefixOutput(network, cut, split));
        return new ImageSet(
                split.name() + "@" + cut.position(),
                Math.toIntExact(cut.sampleElements()),
                1,
                1,
                values,
                split.labels(),
                split.numClasses());
    }

    /** Name, size, shape and a 64-bit FNV-1a hash of the pixels' bits. */
    static String fingerprint(ImageSet split) {
        long h = 0xcbf29ce484222325L;
        for (float v : split.pixels()) {
            h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        }
        return split.name()
                + ":"
                + split.size()
                + "x"
                + split.channels()
                + "x"
                + split.height()
                + "x"
                + split.width()
                + ":"
                + Long.toHexString(h);
    }
}
