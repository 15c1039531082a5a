package org.adabet.weights;

import java.nio.file.Path;
import java.util.Locale;
import org.adabet.model.NetworkParameters;

/**
 * Reads a PyTorch {@code state_dict} exported to {@code .npz} ({@link NpzReader}) or {@code
 * .safetensors} ({@link SafetensorsReader}), chosen by the file name's extension. The export is two
 * lines of Python, e.g. for torchvision's ResNet-50:
 *
 * <pre>{@code
 * import numpy, torchvision; sd = torchvision.models.resnet50(weights="IMAGENET1K_V2").state_dict()
 * numpy.savez("resnet50.npz", **{k: v.cpu().numpy() for k, v in sd.items()})
 * # or, with the safetensors package (also for bfloat16, which numpy cannot hold):
 * import safetensors.torch; safetensors.torch.save_file(sd, "resnet50.safetensors")
 * }</pre>
 *
 * Tensor names stay torchvision's ({@code layer1.0.conv1.weight}); matching them to our blocks is
 * {@link StateDictCheck}'s job.
 */
public final class StateDictReader {
    private StateDictReader() {}

    /**
     * The float32 tensors of a state dict file, BatchNorm batch counters skipped.
     *
     * @throws IllegalArgumentException naming the file if it is missing, malformed or of an unknown
     *     extension
     */
    public static NetworkParameters read(Path file) {
        return read(file, ReadOptions.DEFAULT).parameters();
    }

    /** The tensors with the notes on what was skipped or converted. */
    public static StateDict read(Path file, ReadOptions options) {
        String name =
                file.getFileName() == null
                        ? ""
                        : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            return NpzReader.read(file, options);
        }
        if (name.endsWith(".safetensors")) {
            return SafetensorsReader.read(file, options);
        }
        throw new IllegalArgumentException(
                "state dict file "
                        + file
                        + " has an unknown extension (expected .npz or .safetensors)");
    }
}
