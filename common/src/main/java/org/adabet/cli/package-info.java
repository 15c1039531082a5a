/** The command-line conventions shared by every {@code adabet} command (picocli). */
package org.adabet.cli;
