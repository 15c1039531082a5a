package org.adabet.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.adabet.model.LayerInfo;

/** The control: floor(rho * L) layers drawn uniformly without replacement from the selection's seed. */
public final class RandomSelection implements SelectionMethod {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean usesBudget() {
        return true;
    }

    @Override
    public boolean needsLabels() {
        return false;
    }

    @Override
    public List<String> select(SelectionContext context) {
        int k = LayerBudget.layers(context.rho(), context.layers().size());
        List<LayerInfo> pool = new ArrayList<>(context.layers());
        SplittableRandom rng = new SplittableRandom(context.seed());
        // Partial Fisher-Yates: the first k positions become a uniform sample.
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.size() - i);
            LayerInfo t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return pool.subList(0, k).stream()
                .sorted(Comparator.comparingInt(LayerInfo::index))
                .map(LayerInfo::name)
                .toList();
    }
}
