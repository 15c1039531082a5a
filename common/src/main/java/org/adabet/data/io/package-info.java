/**
 * Real datasets from local files: image folders (torchvision {@code ImageFolder}, split files,
 * CUB-200-2011's own layout) read with torchvision's ImageNet preprocessing, and CIFAR-10/100
 * binaries. Everything is read into {@link org.adabet.data.ImageSet}s; nothing is downloaded.
 * Unreadable images are skipped and reported ({@link org.adabet.data.io.LoadReport}); structural
 * problems (missing folders, empty classes, malformed CIFAR files) are errors naming the path.
 */
package org.adabet.data.io;
