package org.adabet.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A network's module tree cut in two: a frozen {@code prefix} that runs first and a {@code suffix}
 * that takes the prefix's output. When nothing in the prefix trains or runs in training mode, and
 * the input is not augmented, the prefix's output is a fixed function of the image, so a retraining
 * run can compute it once per image and train only the suffix.
 *
 * <p>Where the cut lies: the tree is a {@link Sequence} of children; the cut goes before the first
 * child that contains a touched layer. When that child is itself a {@link Sequence} (MobileNetV2's
 * inverted block without a residual, a stage of nested modules) the cut continues inside it; a
 * {@link Residual} is never entered, since its shortcut needs the block's input. For ResNets the
 * cut is thus a residual block boundary (or a boundary between the stem's leaves); for the plain
 * networks (convnet_s, VGG) it is the boundary just before the touched leaf.
 *
 * @param position the child indices of the cut, outermost first ({@code "5"}: before the root's
 *     sixth child; {@code "3.2"}: inside the fourth child, before its third); with the
 *     architecture's name it identifies the cut
 * @param prefixLayers candidate layers in the prefix: every layer of index below this is frozen
 * @param sampleShape the prefix output's shape for one sample (no batch axis)
 */
public record PrefixCut(
        String position, int prefixLayers, Module prefix, Module suffix, long[] sampleShape)
        implements Serializable {

    public PrefixCut {
        if (prefixLayers < 1) {
            throw new IllegalArgumentException(
                    "a prefix cut must keep at least one layer frozen, was " + prefixLayers);
        }
        sampleShape = sampleShape.clone();
    }

    /** Values per sample of the prefix output. */
    public long sampleElements() {
        return Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
    }

    /** The cut without its output shape (which only an engine can compute). */
    record Split(String position, int prefixLayers, Module prefix, Module suffix) {}

    /**
     * Candidate layers in the frozen prefix of the cut a run touching {@code touched} (layers that
     * train or run in training mode) would train behind ({@link Network#frozenPrefix()}): 0 when
     * there is no cut (the first layer with weights is touched, or nothing is). Needs no engine.
     */
    public static int frozenLayers(Architecture architecture, Set<String> touched) {
        return before(architecture.root(), touched).map(Split::prefixLayers).orElse(0);
    }

    /**
     * The latest cut of {@code root} whose prefix holds none of {@code touched} (layers that train
     * or run in training mode); empty when the first layer with weights is touched, or nothing is
     * (then nothing needs training: no cut is asked for).
     */
    static Optional<Split> before(Module root, Set<String> touched) {
        if (touched.isEmpty() || !(root instanceof Sequence s)) {
            return Optional.empty();
        }
        List<Module> prefix = new ArrayList<>();
        List<Module> suffix = new ArrayList<>();
        StringBuilder position = new StringBuilder();
        cut(s, touched, prefix, suffix, position);
        int frozen = 0;
        for (Module m : prefix) {
            frozen += ModuleWalk.candidates(m).size();
        }
        return frozen == 0 || suffix.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        new Split(
                                position.toString(),
                                frozen,
                                new Sequence(prefix),
                                new Sequence(suffix)));
    }

    /**
     * Appends {@code s}'s children before the cut to {@code prefix} and the rest to the (empty)
     * {@code suffix}, and the cut's position to {@code position}.
     */
    private static void cut(
            Sequence s,
            Set<String> touched,
            List<Module> prefix,
            List<Module> suffix,
            StringBuilder position) {
        List<Module> c = s.children();
        int k = 0;
        while (k < c.size() && !touches(c.get(k), touched)) {
            k++;
        }
        prefix.addAll(c.subList(0, k));
        position.append(position.isEmpty() ? "" : ".").append(k);
        if (k < c.size() && c.get(k) instanceof Sequence inner) {
            List<Module> innerPrefix = new ArrayList<>();
            List<Module> innerSuffix = new ArrayList<>();
            StringBuilder innerPosition = new StringBuilder();
            cut(inner, touched, innerPrefix, innerSuffix, innerPosition);
            // An inner cut before its first child is the cut here already.
            if (!innerPrefix.isEmpty()) {
                prefix.add(new Sequence(innerPrefix));
                suffix.addAll(innerSuffix);
                suffix.addAll(c.subList(k + 1, c.size()));
                position.append('.').append(innerPosition);
                return;
            }
        }
        suffix.addAll(c.subList(k, c.size()));
    }

    private static boolean touches(Module m, Set<String> touched) {
        return ModuleWalk.candidates(m).stream().anyMatch(c -> touched.contains(c.layer().name()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrefixCut p
                && p.position.equals(position)
                && p.prefixLayers == prefixLayers
                && p.prefix.equals(prefix)
                && p.suffix.equals(suffix)
                && Arrays.equals(p.sampleShape, sampleShape);
    }

    @Override
    public int hashCode() {
        return position.hashCode() * 31 + prefixLayers;
    }

    @Override
    public String toString() {
        return "PrefixCut["
                + position
                + ", "
                + prefixLayers
                + " frozen layers, sample shape "
                + Arrays.toString(sampleShape)
                + "]";
    }
}
