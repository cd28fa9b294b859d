package io.github.interp4j.nativeconfig.internal.jni;

import java.util.List;

/**
 * The raw answers of OpenBLAS's control functions, over every loaded copy (the last copy that has a
 * function answers for it), before any interpretation.
 *
 * <p>Thread-safety: immutable.
 *
 * @param libraries the paths of the BLAS libraries loaded
 * @param config    {@code openblas_get_config()}, or null if unavailable
 * @param coreName  {@code openblas_get_corename()}, or null if unavailable
 * @param parallel  {@code openblas_get_parallel()}, or null if unavailable
 * @param threads   {@code openblas_get_num_threads()}, or -1 if unavailable
 */
public record BlasFacts(List<String> libraries, String config, String coreName, Integer parallel, int threads) {

    /**
     * Copies the library list.
     *
     * @param libraries as in the record header
     * @param config    as in the record header
     * @param coreName  as in the record header
     * @param parallel  as in the record header
     * @param threads   as in the record header
     */
    public BlasFacts {
        libraries = List.copyOf(libraries);
    }
}
