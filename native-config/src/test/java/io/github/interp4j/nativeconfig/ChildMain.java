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
            case "idle":
                // The JVM's own thread count at the point where the other scenarios start their work.
                System.out.println("{\"threads\":" + new ProcessCensus(Paths.get("/")).threadIds().size() + "}");
                break;
            case "blas-work": {
                System.out.println("START");
                // dgemm and Cholesky through the entry point, checked against a plain Java product.
                int n = 200;
                double[] a = new double[n * n];
                double[] b = new double[n * n];
                for (int i = 0; i < a.length; i++) {
                    a[i] = Math.sin(i) + (i % (n + 1) == 0 ? n : 0);
                    b[i] = Math.cos(i);
                }
                double[] c = new double[n * n];
                int leaseThreads = 0;
                for (int rep = 0; rep < 5; rep++) {
                    try (BlasLease lease = NativeConfig.blas()) {
                        leaseThreads = Math.max(leaseThreads, lease.threads());
                        org.bytedeco.openblas.global.openblas.cblas_dgemm(
                                org.bytedeco.openblas.global.openblas.CblasRowMajor,
                                org.bytedeco.openblas.global.openblas.CblasNoTrans,
                                org.bytedeco.openblas.global.openblas.CblasNoTrans,
                                n, n, n, 1.0, a, n, b, n, 0.0, c, n);
                    }
                }
                double expected = 0;
                for (int k = 0; k < n; k++) {
                    expected += a[7 * n + k] * b[k * n + 11];
                }
                if (Math.abs(c[7 * n + 11] - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
                    throw new IllegalStateException("dgemm gave " + c[7 * n + 11] + ", expected " + expected);
                }
                System.out.println("WORK done with leases of up to " + leaseThreads + " threads");
                System.out.println(NativeConfig.report().toJson());
                break;
            }
            default:
                throw new IllegalArgumentException(scenario);
        }
    }
}
