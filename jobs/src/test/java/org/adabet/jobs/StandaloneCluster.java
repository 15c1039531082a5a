package org.adabet.jobs;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: one Master and {@code workers} Workers of
 * one core each, every one its own JVM on the test's classpath (Maven's jars, no Spark
 * distribution; {@code SPARK_TESTING} lets the Workers launch executors without one). Executors are
 * further JVMs the Workers start, so a test can kill one by its pid. {@link #close} stops every
 * process it started.
 */
final class StandaloneCluster implements AutoCloseable {
    private final List<Process> daemons = new ArrayList<>();
    private final int port;
    private final Path logs;

    StandaloneCluster(int workers, Path dir) throws IOException, InterruptedException {
        this.port = freePort();
        this.logs = Files.createDirectories(dir.resolve("logs"));
        daemons.add(
                start(
                        "master",
                        List.of(
                                "org.apache.spark.deploy.master.Master",
                                "--host",
                                "127.0.0.1",
                                "--port",
                                String.valueOf(port),
                                "--webui-port",
                                String.valueOf(freePort()))));
        waitForPort(port);
        for (int i = 0; i < workers; i++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + i));
            daemons.add(
                    start(
                            "worker-" + i,
                            List.of(
                                    "org.apache.spark.deploy.worker.Worker",
                                    "--host",
                                    "127.0.0.1",
                                    "--cores",
                                    "1",
                                    "--memory",
                                    "2g",
                                    "--webui-port",
                                    String.valueOf(freePort()),
                                    "--work-dir",
                                    work.toString(),
                                    masterUrl())));
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /**
     * The JVM options executors need, taken from this test JVM (module flags, DJL's offline cache
     * and thread settings), so they are written in one place: the build.
     */
    static String executorJavaOptions() {
        List<String> out = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-Xmx") && !arg.startsWith("-javaagent") && !arg.contains(" ")) {
                out.add(arg);
            }
        }
        return String.join(" ", out);
    }

    /** The executor JVMs this cluster's Workers run now, oldest first. */
    List<ProcessHandle> executors() {
        return daemons.stream()
                .flatMap(Process::descendants)
                .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend"))
                .sorted((a, b) -> Long.compare(a.pid(), b.pid()))
                .toList();
    }

    private Process start(String name, List<String> main) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.addAll(List.of(executorJavaOptions().split(" ")));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(main);
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_TESTING", "1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_HOME", logs.getParent().toString());
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException, IOException {
        for (int i = 0; i < 300; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("the master did not open port " + port + " within 30 s");
    }

    /** Every process the daemons started, with its command (for failure messages). */
    String processes() {
        return daemons.stream()
                .flatMap(Process::descendants)
                .map(p -> p.pid() + ": " + commandLine(p).replaceAll("-cp \\S+", "-cp ..."))
                .toList()
                .toString();
    }

    /** The full command line from /proc (the JDK's ProcessHandle.Info leaves long ones out). */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(
                            Files.readAllBytes(
                                    Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                            java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return p.info().commandLine().orElse("");
        }
    }

    /** Where the daemons' logs are (for failure messages). */
    File logs() {
        return logs.toFile();
    }

    @Override
    public void close() throws InterruptedException {
        for (ProcessHandle executor : executors()) {
            executor.destroyForcibly();
        }
        for (Process p :
                daemons.stream().sorted((a, b) -> -Long.compare(a.pid(), b.pid())).toList()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
