package agentprobe;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_full;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * A tiny application that knows nothing of interp4j: it loads bytedeco's OpenBLAS itself and prints, one
 * {@code key=value} per line on stdout, the threads the load added (from {@code /proc/self/task}) and
 * {@code openblas_get_num_threads()}. Started in child JVMs by the agent tests, with or without the agent.
 */
public final class BytedecoApp {
    private BytedecoApp() {}

    public static void main(String[] args) throws IOException {
        System.out.println("probe-main");
        Map<String, String> before = threads();
        Loader.load(openblas.class);
        Map<String, String> after = threads();
        after.keySet().removeAll(before.keySet());
        Loader.load(openblas_full.class);
        System.out.println("threadsAdded=" + after.size());
        System.out.println("threadNames=" + after.values());
        System.out.println("openblasThreads=" + openblas_full.openblas_get_num_threads());
        System.out.println("getenv.OPENBLAS_NUM_THREADS=" + System.getenv("OPENBLAS_NUM_THREADS"));
        System.out.println("availableProcessors=" + Runtime.getRuntime().availableProcessors());
        System.out.println("commonParallelismProperty="
                + System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism"));
        System.out.println("commonPoolParallelism=" + ForkJoinPool.getCommonPoolParallelism());
    }

    /** @return thread id to its name ({@code comm}) for every thread of this process */
    private static Map<String, String> threads() throws IOException {
        Map<String, String> t = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Paths.get("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = new String(Files.readAllBytes(task.resolve("comm")), StandardCharsets.UTF_8).strip();
                } catch (IOException gone) {
                    continue;
                }
                t.put(task.getFileName().toString(), name);
            }
        }
        return t;
    }
}
