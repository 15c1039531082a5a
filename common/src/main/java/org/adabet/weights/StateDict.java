package org.adabet.weights;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.adabet.model.NetworkParameters;

/**
 * A state dict read from a file, with what the reader had to change to make it float32.
 *
 * @param source the file it was read from
 * @param parameters the tensors kept, as float32, in file order
 * @param integerTensors names of kept tensors whose file dtype was an integer or boolean type
 *     (converted to float32; exact up to 2^24)
 * @param notes one human-readable line per skipped or converted tensor, in file order
 */
public record StateDict(
        Path source, NetworkParameters parameters, Set<String> integerTensors, List<String> notes) {
    public StateDict {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(parameters, "parameters");
        integerTensors = Set.copyOf(integerTensors);
        notes = List.copyOf(notes);
        for (String name : integerTensors) {
            if (!parameters.tensors().containsKey(name)) {
                throw new IllegalArgumentException(
                        "integer tensor '"
                                + name
                                + "' of "
                                + source
                                + " is not among its parameters");
            }
        }
    }
}
