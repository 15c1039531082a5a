package org.adabet.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A source domain and targets built from MNIST-family IDX files ({@code adabet.data.idx}).
 *
 * @param path a folder holding {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 *     {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte} (each optionally {@code .gz});
 *     empty = no IDX suite (the synthetic source)
 * @param sourceClasses the source's classes, each a list of the files' labels pooled into it
 * @param subpopulationClasses per source class, the labels its subpopulation target draws from
 *     (empty: no such target)
 * @param heldOutClasses labels of the held-out target, one class each
 */
public record IdxSuiteConfig(
        String path,
        List<List<Integer>> sourceClasses,
        List<List<Integer>> subpopulationClasses,
        List<Integer> heldOutClasses)
        implements Serializable {

    private static final String KEY = "adabet.data.idx";

    public IdxSuiteConfig {
        sourceClasses = sourceClasses.stream().map(List::copyOf).toList();
        subpopulationClasses = subpopulationClasses.stream().map(List::copyOf).toList();
        heldOutClasses = List.copyOf(heldOutClasses);
        if (!path.isEmpty()) {
            if (sourceClasses.size() < 2) {
                throw new ConfigException(
                        KEY + ".source-classes needs at least 2 classes, was " + sourceClasses);
            }
            if (!subpopulationClasses.isEmpty()
                    && subpopulationClasses.size() != sourceClasses.size()) {
                throw new ConfigException(
                        KEY
                                + ".subpopulation-classes must have one entry per source class ("
                                + sourceClasses.size()
                                + "), was "
                                + subpopulationClasses);
            }
            List<Integer> all = new ArrayList<>();
            sourceClasses.forEach(all::addAll);
            subpopulationClasses.forEach(all::addAll);
            Set<Integer> seen = new HashSet<>();
            for (int label : all) {
                if (label < 0 || label > 255 || !seen.add(label)) {
                    throw new ConfigException(
                            KEY
                                    + ": label "
                                    + label
                                    + " is outside [0, 255] or used twice in source-classes /"
                                    + " subpopulation-classes");
                }
            }
            for (List<Integer> c : sourceClasses) {
                Check.nonEmpty(KEY + ".source-classes (each class)", c);
            }
            for (List<Integer> c : subpopulationClasses) {
                Check.nonEmpty(KEY + ".subpopulation-classes (each class)", c);
            }
            Check.distinct(KEY + ".held-out-classes", heldOutClasses);
            for (int label : heldOutClasses) {
                if (label < 0
                        || label > 255
                        || sourceClasses.stream().anyMatch(c -> c.contains(label))) {
                    throw new ConfigException(
                            KEY
                                    + ".held-out-classes: label "
                                    + label
                                    + " is outside [0, 255] or a source class's");
                }
            }
        }
    }

    /** Whether a suite is configured. */
    public boolean enabled() {
        return !path.isEmpty();
    }

    /** Whether {@code target} can be built from this configuration. */
    public boolean offers(IdxTarget target) {
        return enabled()
                && switch (target) {
                    case HELD_OUT -> heldOutClasses.size() >= 2;
                    case SUBPOPULATION -> !subpopulationClasses.isEmpty();
                    default -> true;
                };
    }

    /** No IDX suite. */
    public static IdxSuiteConfig none() {
        return new IdxSuiteConfig("", List.of(), List.of(), List.of());
    }
}
