package org.adabet.jobs.stage;

import java.util.List;

/** One arrow of the sweep's data flow: reads {@link #inputs}, writes {@link #outputs}. */
public abstract class Stage {
    private final String name;
    private final List<String> inputs;
    private final List<String> outputs;

    /**
     * @param name as {@code bin/adabet stage NAME} takes it
     * @param inputs the tables this stage reads (written by earlier stages)
     * @param outputs the tables and files this stage writes
     */
    Stage(String name, List<String> inputs, List<String> outputs) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    public final String name() {
        return name;
    }

    public final List<String> inputs() {
        return inputs;
    }

    public final List<String> outputs() {
        return outputs;
    }

    /** Reads the inputs from the run folder, computes, writes the outputs. */
    public abstract void run(StageContext context);
}
