package io.github.interp4j.nativeconfig.internal.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * The {@code Premain-Class} of the agent jar ({@code interp4j-native-config-<version>-agent.jar}): the
 * only class at the top level of that jar, so the only one the application's class path can see. It uses
 * the JDK alone.
 *
 * <p>It opens an isolated class loader over {@code META-INF/interp4j-agent/classes/} inside the agent jar
 * (parent: the platform class loader, so neither the application's classes nor its slf4j binding, nor a
 * different interp4j version on the application's class path, are visible) and runs {@link AgentRun#run}
 * there. That tree holds native-config's planning and cgroup-reading classes, the JNI stub and a private
 * slf4j-api with the no-operation provider: the cgroup reader's DEBUG logging goes nowhere and the
 * application's logging backend is not initialised before {@code main}.
 *
 * <p>Never throws: any failure becomes one warning line on stderr and the application starts as usual.
 * While it runs, the system property {@code slf4j.provider} is cleared (and then restored) so that the
 * private slf4j does not try to load the application's provider class.
 *
 * <p>Thread-safety: called once by the JVM, on the main thread, before {@code main}.
 */
public final class AgentMain {
    /** Where the isolated class tree sits inside the agent jar. */
    static final String TREE = "META-INF/interp4j-agent/classes/";
    private static final String RUN = "io.github.interp4j.nativeconfig.internal.agent.AgentRun";
    private static final String SLF4J_PROVIDER = "slf4j.provider";
    /** Starts every line the agent writes. */
    static final String PREFIX = "interp4j-agent: ";

    private AgentMain() {}

    /**
     * Entry point for {@code -javaagent:<jar>[=options]} and {@code JAVA_TOOL_OPTIONS}.
     *
     * @param options the text after {@code =}, or null
     * @param inst    the JVM's instrumentation (used only to list loaded classes)
     */
    public static void premain(String options, Instrumentation inst) {
        String provider = null;
        try {
            provider = System.getProperty(SLF4J_PROVIDER);
            if (provider != null) {
                System.clearProperty(SLF4J_PROVIDER);
            }
            String line = runIsolated(options, inst);
            if (line != null) {
                System.err.println(line);
            }
        } catch (Throwable t) {
            report(t);
        } finally {
            if (provider != null) {
                System.setProperty(SLF4J_PROVIDER, provider);
            }
        }
    }

    private static String runIsolated(String options, Instrumentation inst)
            throws ReflectiveOperationException, MalformedURLException {
        String entry = TREE + RUN.replace('.', '/') + ".class";
        URL runClass = ClassLoader.getSystemResource(entry);
        if (runClass == null) {
            throw new IllegalStateException("this jar has no " + entry + "; use the agent jar "
                    + "(interp4j-native-config-<version>-agent.jar), not the library jar");
        }
        String text = runClass.toExternalForm();
        URL root = new URL(text.substring(0, text.length() - entry.length() + TREE.length()));
        // Never closed: the JNI stub loaded through it stays bound to this loader for the JVM's life.
        @SuppressWarnings("resource")
        URLClassLoader loader = new URLClassLoader("interp4j-agent", new URL[] {root},
                ClassLoader.getPlatformClassLoader());
        Method run = Class.forName(RUN, true, loader).getMethod("run", String.class, Instrumentation.class);
        return (String) run.invoke(null, options, inst);
    }

    private static void report(Throwable t) {
        try {
            Throwable cause = t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
            System.err.println(PREFIX + "WARN agent failed (" + cause + "); the application runs unconfigured");
        } catch (Throwable ignored) {
            // nothing left to try: the application must start anyway
        }
    }
}
