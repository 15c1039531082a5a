package org.adabet.cli;

import org.adabet.provenance.Versions;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the project version and the git commit ({@link Versions#gitCommit}), plus the
 * versions results depend on.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "adabet " + Versions.project() + " (commit " + Versions.gitCommit() + ")",
            "DJL "
                    + Versions.djl()
                    + ", libtorch "
                    + Versions.libtorch()
                    + ", Spark "
                    + Versions.sparkBuilt()
                    + ", Java "
                    + System.getProperty("java.version")
        };
    }
}
