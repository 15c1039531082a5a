package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/** Walks a {@link Module} tree in forward order. */
final class ModuleWalk {
    private ModuleWalk() {}

    /**
     * A candidate layer and whether its output reaches a mask-keeping nonlinearity (ReLU, ReLU6)
     * before any other layer with weights, passing at most through a residual addition.
     */
    record Candidate(LayerSpec layer, boolean reluAfter) {}

    static List<Candidate> candidates(Module root) {
        List<Candidate> out = new ArrayList<>();
        walk(root, false, out);
        return out;
    }

    /** @param maskAfter whether what follows {@code m} is a mask-keeping nonlinearity */
    private static void walk(Module m, boolean maskAfter, List<Candidate> out) {
        if (m instanceof LayerSpec l) {
            if (l.kind().hasWeights()) {
                out.add(new Candidate(l, maskAfter));
            }
        } else if (m instanceof Sequence s) {
            List<Module> c = s.children();
            for (int i = 0; i < c.size(); i++) {
                boolean next = i + 1 < c.size() ? c.get(i + 1) instanceof LayerSpec n && n.kind().keepsMask()
                        : maskAfter;
                walk(c.get(i), next, out);
            }
        } else if (m instanceof Residual r) {
            boolean after = r.reluAfter() || maskAfter;
            walk(r.main(), after, out);
            if (r.shortcut() != null) {
                walk(r.shortcut(), after, out);
            }
        }
    }
}
