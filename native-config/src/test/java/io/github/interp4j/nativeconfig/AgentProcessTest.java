package io.github.interp4j.nativeconfig;

import io.github.interp4j.nativeconfig.cgroup.QuotaCgroup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code -javaagent} jar in child JVMs running {@code agentprobe.BytedecoApp}, an application that knows
 * nothing of interp4j (its class path holds only the test classes and the bytedeco jars) and loads OpenBLAS
 * itself. The agent jar is the one {@code mvn} built before the tests ({@code interp4j.agent.jar}).
 */
class AgentProcessTest {
    private static final Path AGENT = Paths.get(System.getProperty("interp4j.agent.jar",
            "target/interp4j-native-config-agent.jar"));
    /** Fewer JVM threads that come and go on their own, so the thread delta is OpenBLAS's. */
    private static final List<String> STEADY_JVM =
            List.of("-XX:+UseSerialGC", "-XX:-UseDynamicNumberOfCompilerThreads");
    private static final String APP = "agentprobe.BytedecoApp";
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    private static final String LINE = "interp4j-agent: ";

    /** One run of the probe: its key=value lines and the agent's line. */
    private static final class Probe {
        final ChildJvm run;
        final Map<String, String> values = new HashMap<>();

        Probe(ChildJvm run) {
            this.run = run;
            assertEquals(0, run.exitCode, run.toString());
            for (String l : run.stdout.split("\n")) {
                int eq = l.indexOf('=');
                if (eq > 0) {
                    values.put(l.substring(0, eq), l.substring(eq + 1).strip());
                }
            }
            assertTrue(run.stdout.startsWith("probe-main"), run.toString());
        }

        int intValue(String key) {
            String v = values.get(key);
            assertNotNull(v, key + " missing: " + run);
            return Integer.parseInt(v);
        }

        /** @return the agent's one line on stderr (asserting there is exactly one), or null without one */
        String agentLine() {
            List<String> lines = run.stderr.lines().filter(l -> l.startsWith(LINE)).collect(Collectors.toList());
            assertTrue(lines.size() <= 1, run.toString());
            assertFalse(run.stderr.contains("SLF4J"), "the agent must not initialise slf4j: " + run);
            return lines.isEmpty() ? null : lines.get(0);
        }
    }

    private static String appClassPath(String... alsoJarsStartingWith) {
        List<String> keep = new ArrayList<>(List.of("javacpp-", "openblas-"));
        keep.addAll(List.of(alsoJarsStartingWith));
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Paths.get(e).getFileName().toString();
            if (e.endsWith("test-classes") || keep.stream().anyMatch(p -> name.startsWith(p) && name.endsWith(".jar"))) {
                cp.add(e);
            }
        }
        return String.join(File.pathSeparator, cp);
    }

    private static List<String> command(List<String> jvmArgs, String classPath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA);
        cmd.addAll(STEADY_JVM);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(APP);
        return cmd;
    }

    private static Probe probe(List<String> jvmArgs, Map<String, String> env) throws Exception {
        return new Probe(ChildJvm.run(command(jvmArgs, appClassPath()), env));
    }

    private static String agentArg(Path jar, String options) {
        return "-javaagent:" + jar + (options.isEmpty() ? "" : "=" + options);
    }

    @Test
    void theAgentJarCarriesNoJavaCppAndShowsOnlyItsEntryPointToTheApplication() throws IOException {
        assertTrue(Files.isRegularFile(AGENT), "agent jar not built: " + AGENT);
        try (JarFile jar = new JarFile(AGENT.toFile())) {
            assertEquals("io.github.interp4j.nativeconfig.internal.agent.AgentMain",
                    jar.getManifest().getMainAttributes().getValue("Premain-Class"));
            List<String> topClasses = new ArrayList<>();
            boolean stub = false;
            for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                String name = en.nextElement().getName();
                assertFalse(name.contains("org/bytedeco") || name.contains("javacpp"), name);
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    topClasses.add(name);
                }
                stub |= name.equals("META-INF/interp4j-agent/classes/io/github/interp4j/nativeconfig/internal/agent/"
                        + "linux-x86_64/libinterp4j-agent.so");
            }
            assertEquals(List.of("io/github/interp4j/nativeconfig/internal/agent/AgentMain.class"), topClasses);
            assertTrue(stub, "the gcc-built stub is packaged");
        }
    }

    @Test
    void aStaleOpenBlasVariableAboveTheBudgetIsCappedWithAWarning() throws Exception {
        Probe p = probe(List.of(agentArg(AGENT, "budget=1")), Map.of("OPENBLAS_NUM_THREADS", "64"));
        assertEquals(1, p.intValue("openblasThreads"));
        String line = p.agentLine();
        assertNotNull(line, p.run.toString());
        assertTrue(line.contains("WARN OPENBLAS_NUM_THREADS=64 is above the budget of 1 CPU: overwritten with 1"), line);
        assertTrue(line.contains("set OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1"), line);
    }

    @Test
    void theCommonPoolIsSizedToTheBudgetWhenTheJvmSeesMoreCpus() throws Exception {
        // -XX:ActiveProcessorCount=4 stands for a JVM that missed the quota (availableProcessors() = 4).
        Probe plain = probe(List.of("-XX:ActiveProcessorCount=4"), Map.of());
        assertEquals(3, plain.intValue("commonPoolParallelism"));
        Probe p = probe(List.of("-XX:ActiveProcessorCount=4", agentArg(AGENT, "budget=2")), Map.of());
        assertEquals(1, p.intValue("commonPoolParallelism"), "the JDK's choice for 2 CPUs");
        assertTrue(p.agentLine().contains("; java.util.concurrent.ForkJoinPool.common.parallelism=1 "
                + "(availableProcessors 4);"), p.run.toString());
        Probe off = probe(List.of("-XX:ActiveProcessorCount=4", agentArg(AGENT, "budget=2,fjp=false")), Map.of());
        assertEquals(3, off.intValue("commonPoolParallelism"));
        Probe userSet = probe(List.of("-XX:ActiveProcessorCount=4", "-D" + "java.util.concurrent.ForkJoinPool"
                + ".common.parallelism=2", agentArg(AGENT, "budget=2")), Map.of());
        assertEquals(2, userSet.intValue("commonPoolParallelism"));
    }

    @Test
    void javaToolOptionsLoadTheAgentLikeTheCommandLine() throws Exception {
        Probe p = probe(List.of(), Map.of("JAVA_TOOL_OPTIONS", agentArg(AGENT, "budget=1")));
        assertEquals(1, p.intValue("openblasThreads"));
        assertTrue(p.agentLine().startsWith(LINE + "budget 1 CPU (option budget"), p.run.toString());
    }

    @Test
    void anApplicationJarStartedWithDashJarIsSizedToo(@TempDir Path dir) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, APP);
        String classPath = Arrays.stream(appClassPath().split(File.pathSeparator))
                .map(e -> Paths.get(e).toUri().toString()).collect(Collectors.joining(" "));
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path app = dir.resolve("app.jar");
        new JarOutputStream(Files.newOutputStream(app), manifest).close();
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(STEADY_JVM);
        cmd.addAll(List.of(agentArg(AGENT, "budget=1"), "-jar", app.toString()));
        Probe p = new Probe(ChildJvm.run(cmd, Map.of()));
        assertEquals(1, p.intValue("openblasThreads"));
        assertTrue(p.agentLine().startsWith(LINE + "budget 1 CPU"), p.run.toString());
    }

    @Test
    void malformedOptionsAreWarningsAndTheApplicationRuns() throws Exception {
        Probe p = probe(List.of(agentArg(AGENT, "budget=abc,frobnicate=1,blasThreads=1")), Map.of());
        String line = p.agentLine();
        assertTrue(line.contains("WARN ignored option 'budget=abc' (expected a whole number >= 1)"), line);
        assertTrue(line.contains("WARN ignored unknown option 'frobnicate=1'"), line);
        assertEquals(1, p.intValue("openblasThreads"), "the well-formed option still applies");
    }

    @Test
    void withoutItsNativeStubTheAgentWarnsAndTheApplicationRunsUnchanged(@TempDir Path dir) throws Exception {
        Path stripped = copyAgentWithout(dir.resolve("agent-without-stub.jar"), name -> name.endsWith(".so"));
        Probe without = probe(List.of(), Map.of());
        Probe p = probe(List.of(agentArg(stripped, "budget=1")), Map.of());
        String line = p.agentLine();
        assertTrue(line.contains("WARN environment unchanged: the agent jar has no native stub for linux-x86_64"),
                line);
        assertEquals(without.intValue("openblasThreads"), p.intValue("openblasThreads"));
        assertEquals("null", p.values.get("getenv.OPENBLAS_NUM_THREADS"));
    }

    @Test
    void anyFailureOfTheAgentIsAWarningAndTheApplicationRuns(@TempDir Path dir) throws Exception {
        // Only the entry point, as if the library jar (which has it too) were given as the agent.
        Path entryOnly = copyAgentWithout(dir.resolve("entry-only.jar"),
                name -> name.startsWith("META-INF/interp4j-agent/"));
        Probe p = probe(List.of(agentArg(entryOnly, "budget=1")), Map.of());
        String line = p.agentLine();
        assertTrue(line.startsWith(LINE + "WARN agent failed (java.lang.IllegalStateException: this jar has no "),
                line);
        assertTrue(line.endsWith("the application runs unconfigured"), line);
        assertEquals("null", p.values.get("getenv.OPENBLAS_NUM_THREADS"));
    }

    /** Copies the agent jar (manifest first) without the entries {@code drop} accepts. */
    private static Path copyAgentWithout(Path copy, Predicate<String> drop) throws IOException {
        try (JarFile in = new JarFile(AGENT.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), in.getManifest())) {
            for (Enumeration<JarEntry> en = in.entries(); en.hasMoreElements(); ) {
                JarEntry e = en.nextElement();
                if (drop.test(e.getName()) || e.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return copy;
    }

    @Test
    void neitherTheApplicationsSlf4jNorBytedecoIsLoadedBeforeMain(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> cmd = command(List.of("-Xlog:class+load=info:file=" + log, agentArg(AGENT, "budget=1")),
                appClassPath("slf4j-api-", "slf4j-simple-"));
        Probe p = new Probe(ChildJvm.run(cmd, Map.of()));
        assertNotNull(p.agentLine());
        List<String> beforeMain = new ArrayList<>();
        for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (l.contains(" " + APP + " source:")) {
                break;
            }
            beforeMain.add(l);
        }
        assertTrue(beforeMain.stream().anyMatch(l -> l.contains("org.slf4j.LoggerFactory source: jar:file:")
                && l.contains("!/META-INF/interp4j-agent/classes/")), "the agent's private slf4j ran");
        for (String l : beforeMain) {
            assertFalse(l.contains("org.bytedeco"), l);
            assertFalse(l.contains("org.slf4j") && !l.contains("!/META-INF/interp4j-agent/classes/"), l);
        }
    }

    @Test
    void inAOneCpuQuotaTheAgentSizesOpenBlasLikeTheVariableDoes() throws Exception {
        QuotaCgroup group;
        try {
            // The quota sits on the parent only: JDK 17's availableProcessors() misses it, the agent does not.
            group = QuotaCgroup.create("interp4j-agent-test-" + ProcessHandle.current().pid(), 1.0, true);
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "no cgroup with a CPU quota here: " + e.getMessage());
            return;
        }
        try (group) {
            String cp = appClassPath();
            Probe none = new Probe(ChildJvm.run(group.wrap(command(List.of(), cp)), Map.of()));
            Probe variable = new Probe(ChildJvm.run(group.wrap(command(List.of(), cp)),
                    Map.of("OPENBLAS_NUM_THREADS", "1")));
            Probe agent = new Probe(ChildJvm.run(group.wrap(command(List.of(agentArg(AGENT, "")), cp)), Map.of()));
            Probe tool = new Probe(ChildJvm.run(group.wrap(command(List.of(), cp)),
                    Map.of("JAVA_TOOL_OPTIONS", agentArg(AGENT, ""))));
            String report = "\nnone: " + none.values + "\nvariable: " + variable.values + "\nagent: " + agent.values
                    + "\n" + agent.agentLine() + "\ntool: " + tool.values;

            assertEquals(1, variable.intValue("openblasThreads"), report);
            for (Probe p : List.of(agent, tool)) {
                assertTrue(p.agentLine().startsWith(LINE + "budget 1 CPU (cgroup v"), report);
                assertEquals(1, p.intValue("openblasThreads"), report);
                assertTrue(p.intValue("threadsAdded") <= variable.intValue("threadsAdded"), report);
            }
            assertEquals(null, none.agentLine());
            // The common pool the application sees is what the JDK gives a 1-CPU machine.
            assertEquals(1, agent.intValue("commonPoolParallelism"), report);
            int jdkDefault = Math.max(1, none.intValue("availableProcessors") - 1);
            assertEquals(jdkDefault, none.intValue("commonPoolParallelism"), report);
            assertEquals(jdkDefault > 1 ? "1" : "null", agent.values.get("commonParallelismProperty"), report);
            // OpenBLAS's own default is every CPU it may run on; it ignores the quota.
            Assumptions.assumeTrue(none.intValue("openblasThreads") > 1, "a 1-CPU machine: no default to contrast");
            assertTrue(none.intValue("threadsAdded") > agent.intValue("threadsAdded"), report);
        }
    }
}
