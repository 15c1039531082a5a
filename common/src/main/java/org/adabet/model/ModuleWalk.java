package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/** Walks a {@link Module} tree in forward order. */
final class ModuleWalk {
    private ModuleWalk() {}

    /**
     * A candidate layer and what the weight-free op after it keeps for the backward pass: {@code
     * reluAfter} when a mask-keeping nonlinearity (ReLU, ReLU6) follows, reached before any other
     * layer with weights, passing at most through a residual addition (one mask per addition,
     * carried by the branch walked last); {@code geluAfter} when a GELU directly follows, which
     * keeps its whole input (the layer's output).
     */
    record Candidate(LayerSpec layer, boolean reluAfter, boolean geluAfter) {}

    static List<Candidate> candidates(Module root) {
        List<Candidate> out = new ArrayList<>();
        walk(root, null, out);
        return out;
    }

    /**
     * @param after the weight-free leaf that follows {@code m}, or null
     */
    private static void walk(Module m, LayerSpec.Kind after, List<Candidate> out) {
        if (m instanceof LayerSpec l) {
            if (l.kind().hasWeights()) {
                out.add(
                        new Candidate(
                                l,
                                after != null && after.keepsMask(),
                                after == LayerSpec.Kind.GELU));
            }
        } else if (m instanceof Sequence s) {
            List<Module> c = s.children();
            for (int i = 0; i < c.size(); i++) {
                LayerSpec.Kind next =
                        i + 1 < c.size()
                                ? c.get(i + 1) instanceof LayerSpec n && !n.kind().hasWeights()
                                        ? n.kind()
                                        : null
                                : after;
                walk(c.get(i), next, out);
            }
        } else if (m instanceof Residual r) {
            // The addition's input is not what follows it: only a mask (ReLU after the addition)
            // carries over to a branch; a GELU after an addition would keep the sum, not a
            // branch's output.
            LayerSpec.Kind mask =
                    r.reluAfter()
                            ? LayerSpec.Kind.RELU
                            : after != null && after.keepsMask() ? after : null;
            // One ReLU after the addition keeps one mask: the branch walked last carries it (the
            // shortcut when there is one), so it is counted once, and whenever the gradient
            // reaches either branch (the last one's layers have the higher indices).
            walk(r.main(), r.shortcut() == null ? mask : null, out);
            if (r.shortcut() != null) {
                walk(r.shortcut(), mask, out);
            }
        }
    }
}
