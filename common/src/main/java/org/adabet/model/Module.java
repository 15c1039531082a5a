package org.adabet.model;

import java.io.Serializable;

/**
 * An engine-neutral module tree, the shape of a torchvision {@code nn.Module}: leaves are {@link
 * LayerSpec}s (named when they hold weights), {@link Sequence} runs children in order and {@link
 * Residual} adds a shortcut to its main path. The tree is what the engine walks, so residual
 * connections are part of every forward pass, including the one that captures activations.
 */
public sealed interface Module extends Serializable permits LayerSpec, Sequence, Residual {}
