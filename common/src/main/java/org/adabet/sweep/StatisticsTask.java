package org.adabet.sweep;

import java.io.Serializable;

/** One unlabeled batch of a pair's target training split, for AdaBet's layer statistics. */
public record StatisticsTask(Pair pair, int batch) implements Serializable {}
