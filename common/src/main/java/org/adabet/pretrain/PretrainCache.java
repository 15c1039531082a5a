package org.adabet.pretrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.adabet.model.NetworkParameters;

/** Pretrained parameters on disk, one file per {@link PretrainKey}; written atomically. */
public final class PretrainCache {
    private final Path directory;

    public PretrainCache(Path directory) {
        this.directory = directory;
    }

    public Path file(String key) {
        return directory.resolve(key + ".params");
    }

    /**
     * @throws IllegalArgumentException if a cached file exists but is corrupt (named in the
     *     message)
     */
    public Optional<NetworkParameters> get(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(NetworkParameters.fromBytes(Files.readAllBytes(f), f.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pretrained model " + f, e);
        }
    }

    public void put(String key, NetworkParameters parameters) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, key, ".tmp");
            Files.write(tmp, parameters.toBytes());
            Files.move(
                    tmp,
                    file(key),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pretrained model " + file(key), e);
        }
    }
}
