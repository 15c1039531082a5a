/**
 * Pretrained weights from PyTorch {@code state_dict} exports ({@code .npz} or {@code .safetensors})
 * as {@link org.adabet.model.NetworkParameters}, and the check that a state dict fits an
 * architecture ({@link org.adabet.model.StateDictCheck}). No JSON or NumPy library is used: Spark
 * brings its own Jackson, and a second one on the classpath clashes.
 */
package org.adabet.weights;
