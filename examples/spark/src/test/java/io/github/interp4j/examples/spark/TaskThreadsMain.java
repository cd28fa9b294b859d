package io.github.interp4j.examples.spark;

import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.nativeconfig.NativeReport;
import io.github.interp4j.nativeconfig.TaskShare;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * Run in a child JVM by {@link SparkTaskThreadsTest}: a {@code local[2]} job of 4 tasks, each of which
 * fits an RBF (LAPACK inside a lease) and records its share, its lease's threads and OpenBLAS's own
 * thread count inside the lease. Prints one {@code PROCESS} line and one {@code TASK} line per task.
 */
public final class TaskThreadsMain {
    private TaskThreadsMain() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        SparkSession spark = LocalSpark.start("local[2]", 2);
        try {
            List<String> tasks = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(List.of(0, 1, 2, 3), 4).map(i -> {
                        Surface.fit(Surface.Kind.RBF, 40, i);
                        TaskShare share = NativeConfig.taskShare().orElseThrow();
                        try (BlasLease lease = NativeConfig.blas()) {
                            return "TASK taskCpus=" + share.taskCpus() + " share=" + share.threads() + " source="
                                    + share.source() + " lease=" + lease.threads() + " openblas="
                                    + NativeConfig.report().blas().threads();
                        }
                    }).collect();
            NativeReport r = NativeConfig.report();
            System.out.println("PROCESS budget=" + r.budget().cpus() + " source=" + r.budget().source()
                    + " blasThreads=" + r.blasThreads() + " origin=" + r.blasThreadsOrigin().replace(' ', '_'));
            tasks.forEach(System.out::println);
        } finally {
            spark.stop();
        }
    }
}
