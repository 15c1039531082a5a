/**
 * The machine a run executes on, as far as its numbers depend on it: the CPU, the instruction-set
 * level the numeric kernels dispatch to, and the reproducible mode that pins that level so that
 * results are bit-identical across x86-64 CPUs. Depends on no other project package.
 */
package org.adabet.platform;
