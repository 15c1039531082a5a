package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/** Walks a {@link Module} tree in forward order. */
final class ModuleWalk {
    private ModuleWalk() {}

    /**
     * A candidate layer and whether it carries the mask of a mask-keeping nonlinearity (ReLU,
     * ReLU6) that its output reaches before any other layer with weights, passing at most through a
     * residual addition (one mask per addition, carried by the branch walked last).
     */
    record Candidate(LayerSpec layer, boolean reluAfter) {}

    static List<Candidate> candidates(Module root) {
        List<Candidate> out = new ArrayList<>();
        walk(root, false, out);
        return out;
    }

    /**
     * @param maskAfter whether what follows {@code m} is a mask-keeping nonlinearity
     */
    private static void walk(Module m, boolean maskAfter, List<Candidate> out) {
        if (m instanceof LayerSpec l) {
            if (l.kind().hasWeights()) {
                out.add(new Candidate(l, maskAfter));
            }
        } else if (m instanceof Sequence s) {
            List<Module> c = s.children();
            for (int i = 0; i < c.size(); i++) {
                boolean next =
                        i + 1 < c.size()
                                ? c.get(i + 1) instanceof LayerSpec n && n.kind().keepsMask()
                                : maskAfter;
                walk(c.get(i), next, out);
            }
        } else if (m instanceof Residual r) {
            boolean after = r.reluAfter() || maskAfter;
            // One ReLU after the addition keeps one mask: the branch walked last carries it (the
            // shortcut when there is one), so it is counted once, and whenever the gradient
            // reaches either branch (the last one's layers have the higher indices).
            walk(r.main(), r.shortcut() == null && after, out);
            if (r.shortcut() != null) {
                walk(r.shortcut(), after, out);
            }
        }
    }
}
