package org.adabet.model;

import java.io.Serializable;

/**
 * A candidate layer of a built network.
 *
 * @param index position among the candidate layers, in forward order
 * @param parameters trainable parameter count (BatchNorm running statistics excluded)
 * @param outputElements activation elements per sample: D of the layer's point cloud
 * @param head whether this is the classifier head
 */
public record LayerInfo(int index, String name, String type, long parameters, long outputElements, boolean head)
        implements Serializable {}
