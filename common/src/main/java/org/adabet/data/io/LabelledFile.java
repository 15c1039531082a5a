package org.adabet.data.io;

import java.nio.file.Path;

/** An image file and its class index. */
record LabelledFile(Path path, int label) {}
