package org.adabet.model;

import java.util.Arrays;
import java.util.List;

/** Children applied one after another, as torchvision's {@code nn.Sequential}. */
public record Sequence(List<Module> children) implements Module {
    public Sequence {
        children = List.copyOf(children);
    }

    public static Sequence of(Module... children) {
        return new Sequence(Arrays.asList(children));
    }
}
