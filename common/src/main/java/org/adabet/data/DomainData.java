package org.adabet.data;

import java.io.Serializable;

/** The training and test split of one domain. */
public record DomainData(String domain, ImageSet train, ImageSet test) implements Serializable {}
