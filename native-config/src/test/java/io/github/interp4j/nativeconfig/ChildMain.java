package io.github.interp4j.nativeconfig;

import io.github.interp4j.nativeconfig.internal.cgroup.ProcessCensus;
import io.github.interp4j.nativeconfig.internal.jni.JavaCppBoundary;
import org.bytedeco.javacpp.Loader;

import java.nio.file.Paths;

/**
 * Runs in a child JVM started by the tests: performs one scenario and prints the report as JSON on
 * the last line of standard output (test code, so printing is its job).
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "report";
        JavaCppBoundary env = new JavaCppBoundary(() -> { });
        switch (scenario) {
            case "report":
                System.out.println(NativeConfig.report().toJson());
                break;
            case "env-before-load": {
                NativeReport decided = NativeConfig.decision();
                // The C environment must hold the count before anything loads OpenBLAS.
                System.out.println("ENV OPENBLAS_NUM_THREADS=" + env.getEnvironment("OPENBLAS_NUM_THREADS")
                        + " loaded=" + (env.blasLoadedByLoader() || new ProcessCensus(Paths.get("/")).blasMapped()) + " decided=" + decided.blasThreads());
                System.out.println(NativeConfig.report().toJson());
                break;
            }
            case "loaded-first":
                Loader.load(org.bytedeco.openblas.global.openblas.class);
                System.out.println(NativeConfig.report().toJson());
                break;
            case "policy-after-load":
                NativeConfig.report();
                NativeConfig.setThreadPolicy(ThreadPolicy.fixed(3));
                System.out.println(NativeConfig.report().toJson());
                break;
            default:
                throw new IllegalArgumentException(scenario);
        }
    }
}
