package io.github.interp4j.interpolate.internal.grid;

/**
 * scipy's {@code method="nearest"}: the datum at the nearest node per axis, a tie ({@code y == 0.5})
 * rounding down. Cost per query: O(d) expected. Thread-safety: immutable.
 */
public final class NearestKernel implements GridKernel {
    private final Grid g;
    private final double[][] data;

    /**
     * @param grid    the grid
     * @param columns the values per column on the ascending grid (kept)
     */
    public NearestKernel(Grid grid, double[][] columns) {
        this.g = grid;
        this.data = columns;
    }

    @Override
    public GridWork newWork() {
        return new GridWork(g.d, 0, 0);
    }

    @Override
    public void locate(int a, double x, GridWork wk) {
        g.cell(a, x, wk);
        int i = wk.ival[a];
        wk.off[a] = (wk.y[a] <= 0.5 ? i : i + 1) * g.stride[a];
    }

    @Override
    public double combine(GridWork wk, int c) {
        int o = 0;
        for (int a = 0; a < g.d; a++) {
            o += wk.off[a];
        }
        return data[c][o];
    }
}
