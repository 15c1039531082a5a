package org.adabet.pretrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.adabet.model.Architecture;
import org.adabet.model.Network;
import org.adabet.model.NetworkParameters;
import org.adabet.model.Networks;
import org.adabet.weights.StateDictReader;

/**
 * A pretrained model from a file instead of source pretraining: a torchvision state_dict ({@code
 * .npz}, {@code .safetensors}) or our own checkpoint ({@code .params}).
 */
public final class PretrainedWeights {
    private PretrainedWeights() {}

    /**
     * Reads the file and checks that it fits the architecture (every tensor present, none extra,
     * shapes equal).
     *
     * @throws IllegalArgumentException naming the file and, for a mismatch, every tensor concerned
     */
    public static PretrainedModel load(Path file, Architecture architecture) {
        NetworkParameters params;
        try {
            params =
                    file.toString().endsWith(".params")
                            ? NetworkParameters.fromBytes(Files.readAllBytes(file), file.toString())
                            : StateDictReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read weights " + file, e);
        }
        try (Network check = Networks.load(architecture, params, false, 0, file.toString())) {
            // Loading is the check: it lists missing, unexpected and mis-shaped tensors, naming the
            // file.
        }
        return new PretrainedModel(
                key(file, architecture),
                architecture.name(),
                params.toBytes(),
                Double.NaN,
                0,
                true);
    }

    private static String key(Path file, Architecture architecture) {
        try {
            String id =
                    file.toAbsolutePath()
                            + "|"
                            + Files.size(file)
                            + "|"
                            + Files.getLastModifiedTime(file);
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(id.getBytes(StandardCharsets.UTF_8));
            return architecture.name() + "-file-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read weights " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
