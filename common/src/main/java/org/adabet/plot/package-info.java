/**
 * The run's plots, built from plain row records with XChart and rendered headless (Java2D) to PNG
 * (for the HTML report) and SVG (for papers): accuracy against peak training memory with the Pareto
 * front, per-layer score profiles beside the oracle's gains, the rank agreement heat map and the
 * selection time per method. Same rows in, same bytes out: series are added in the order given,
 * colours come from a fixed palette, and nothing reads the clock.
 */
package org.adabet.plot;
