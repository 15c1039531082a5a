package org.adabet.jobs.stage;

import java.util.List;

/** One arrow of the sweep's data flow: reads {@link #inputs}, writes {@link #outputs}. */
public interface Stage {
    /** The stage's name, as {@code bin/adabet stage NAME} takes it. */
    String name();

    /** The tables this stage reads (written by earlier stages). */
    List<String> inputs();

    /** The tables and files this stage writes. */
    List<String> outputs();

    /** Reads the inputs from the run folder, computes, writes the outputs. */
    void run(StageContext context);
}
