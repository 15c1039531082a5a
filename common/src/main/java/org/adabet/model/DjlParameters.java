package org.adabet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network's tensors as plain engine arrays, created with seeded initial values and named by their
 * torchvision {@code state_dict} keys; copied out and in by name.
 */
final class DjlParameters {
    /** A tensor of the network and the candidate layer it belongs to. */
    record Param(LayerSpec layer, ParameterSpec spec, NDArray array) {}

    private final String architecture;

    /** Per candidate layer, in forward order: its tensors in state_dict order. */
    private final Map<String, List<Param>> byLayer = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException if two candidate layers share a name
     */
    DjlParameters(
            String architecture, List<LayerSpec> candidates, NDManager manager, long initSeed) {
        this.architecture = architecture;
        for (LayerSpec layer : candidates) {
            if (byLayer.containsKey(layer.name())) {
                throw new IllegalArgumentException(
                        "architecture " + architecture + " has two layers named " + layer.name());
            }
            List<Param> list = new ArrayList<>();
            for (ParameterSpec spec : layer.parameters()) {
                NDArray array =
                        manager.create(
                                SeededInit.values(layer, spec, initSeed), new Shape(spec.shape()));
                list.add(new Param(layer, spec, array));
            }
            byLayer.put(layer.name(), List.copyOf(list));
        }
    }

    List<Param> all() {
        return byLayer.values().stream().flatMap(List::stream).toList();
    }

    /** Per candidate layer name, in forward order, its tensors. */
    Map<String, List<Param>> byLayer() {
        return byLayer;
    }

    /** Per candidate layer name, its arrays by local name (what {@link DjlOps} reads). */
    Map<String, Map<String, NDArray>> byLocalName() {
        Map<String, Map<String, NDArray>> out = new LinkedHashMap<>();
        byLayer.forEach(
                (layer, params) -> {
                    Map<String, NDArray> local = new LinkedHashMap<>();
                    params.forEach(p -> local.put(p.spec().local(), p.array()));
                    out.put(layer, local);
                });
        return out;
    }

    /** A copy of every tensor, by state_dict key. */
    NetworkParameters snapshot() {
        Map<String, NetworkParameters.Tensor> out = new LinkedHashMap<>();
        for (Param p : all()) {
            out.put(
                    p.spec().key(),
                    new NetworkParameters.Tensor(p.spec().shape(), p.array().toFloatArray()));
        }
        return new NetworkParameters(out);
    }

    /** Sets the tensors of {@code layers} to their seeded initial values, as at construction. */
    void reinitialise(Set<String> layers, long initSeed) {
        for (Param p : all()) {
            if (layers.contains(p.layer().name())) {
                p.array().set(SeededInit.values(p.layer(), p.spec(), initSeed));
            }
        }
    }

    /** Bytes of the tensors' values (4 per float). */
    long bytes() {
        return 4 * all().stream().mapToLong(p -> p.spec().size()).sum();
    }

    /**
     * Copies tensors in by name. Tensors of the layers in {@code keepInitial} are skipped, and the
     * given ones for them ignored (a replaced head keeps its fresh initialisation).
     *
     * @param sourceName names where the tensors came from, in the error message
     * @throws IllegalArgumentException listing missing, unexpected and shape-mismatched tensors;
     *     nothing is copied then
     */
    void load(NetworkParameters source, Set<String> keepInitial, String sourceName) {
        Map<String, NetworkParameters.Tensor> given = new LinkedHashMap<>(source.tensors());
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Param p : all()) {
            NetworkParameters.Tensor t = given.remove(p.spec().key());
            long[] shape = p.spec().shape();
            if (keepInitial.contains(p.layer().name())) {
                continue;
            }
            if (t == null) {
                missing.add(p.spec().key() + " " + Arrays.toString(shape));
            } else if (!Arrays.equals(t.shape(), shape)) {
                mismatched.add(
                        p.spec().key()
                                + ": expected "
                                + Arrays.toString(shape)
                                + ", given "
                                + Arrays.toString(t.shape()));
            }
        }
        List<String> unexpected =
                given.entrySet().stream()
                        .map(e -> e.getKey() + " " + Arrays.toString(e.getValue().shape()))
                        .toList();
        new StateDictCheck(missing, unexpected, mismatched).requireMatch(sourceName, architecture);
        for (Param p : all()) {
            if (!keepInitial.contains(p.layer().name())) {
                p.array().set(source.tensors().get(p.spec().key()).values());
            }
        }
    }
}
