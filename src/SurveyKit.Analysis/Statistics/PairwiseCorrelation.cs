using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// The pairwise-complete correlation matrix of k columns in one pass over the rows, split over the cores: what
/// <see cref="Correlation.Compute"/> gives with <see cref="MissingDeletion.Pairwise"/>, for a million responses in tens
/// of milliseconds. Values that are not finite (not answered, "not applicable") are missing. Grades and scores are small
/// whole numbers, so each pair is counted into a contingency table and the moments come from the table exactly;
/// other values fall back to sums of values shifted by their column mean.
/// </summary>
public static class PairwiseCorrelation
{
    private const int MaxCodes = 256;

    /// <summary>The correlation matrix and the pair counts of <paramref name="columns"/> (all of one length).</summary>
    public static CorrelationMatrix Compute(IReadOnlyList<ReadOnlyMemory<float>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var k = columns.Count;
        var rows = k == 0 ? 0 : columns[0].Length;
        var low = new double[k];
        var width = new int[k];
        var mean = new double[k];
        var whole = true;
        for (var c = 0; c < k; c++)
        {
            double sum = 0;
            var n = 0;
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            foreach (var value in columns[c].Span)
            {
                if (float.IsFinite(value))
                {
                    sum += value;
                    n++;
                    min = Math.Min(min, value);
                    max = Math.Max(max, value);
                    whole &= value == MathF.Floor(value);
                }
            }
            mean[c] = n > 0 ? sum / n : 0;
            low[c] = n > 0 ? min : 0;
            width[c] = n > 0 ? (int)Math.Min(max - min + 1, int.MaxValue) : 1;
            whole &= width[c] <= MaxCodes;
        }
        var parts = Math.Max(1, Math.Min(Environment.ProcessorCount, rows / 65536));
        var sums = new Moments[parts];
        Parallel.For(
            0,
            parts,
            part =>
            {
                var from = (int)((long)rows * part / parts);
                var to = (int)((long)rows * (part + 1) / parts);
                sums[part] = whole
                    ? Tables.Count(columns, low, width, from, to).Moments(low, width, mean)
                    : Moments.Sum(columns, mean, from, to);
            }
        );
        for (var p = 1; p < parts; p++)
        {
            sums[0].Add(sums[p]);
        }
        return sums[0].Matrix(k);
    }

    /// <summary>The arrays under the columns: indexing an array in the row loop is cheaper than a memory's span.</summary>
    private static (float[][] Arrays, int[] Offsets) Arrays(
        IReadOnlyList<ReadOnlyMemory<float>> columns
    )
    {
        var arrays = new float[columns.Count][];
        var offsets = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            if (
                System.Runtime.InteropServices.MemoryMarshal.TryGetArray(
                    columns[c],
                    out var segment
                )
            )
            {
                (arrays[c], offsets[c]) = (segment.Array!, segment.Offset);
            }
            else
            {
                arrays[c] = columns[c].ToArray();
            }
        }
        return (arrays, offsets);
    }

    /// <summary>Per pair of columns, the counts of each pair of values (as codes: value - column minimum).</summary>
    private sealed class Tables
    {
        private readonly int k;
        private readonly int[] width;
        private readonly int[][] counts;

        private Tables(int[] width)
        {
            k = width.Length;
            this.width = width;
            counts = new int[k * (k + 1) / 2][];
            for (int i = 0, index = 0; i < k; i++)
            {
                for (var j = i; j < k; j++, index++)
                {
                    counts[index] = new int[width[i] * width[j]];
                }
            }
        }

        public static Tables Count(
            IReadOnlyList<ReadOnlyMemory<float>> columns,
            double[] low,
            int[] width,
            int from,
            int to
        )
        {
            var tables = new Tables(width);
            var k = columns.Count;
            var (arrays, offsets) = Arrays(columns);
            Span<int> code = stackalloc int[k];
            for (var row = from; row < to; row++)
            {
                for (var c = 0; c < k; c++)
                {
                    var value = arrays[c][offsets[c] + row];
                    code[c] = float.IsFinite(value) ? (int)(value - low[c]) : -1;
                }
                for (int i = 0, index = 0; i < k; i++)
                {
                    var a = code[i];
                    if (a < 0)
                    {
                        index += k - i;
                        continue;
                    }
                    for (var j = i; j < k; j++, index++)
                    {
                        var b = code[j];
                        if (b >= 0)
                        {
                            tables.counts[index][a * width[j] + b]++;
                        }
                    }
                }
            }
            return tables;
        }

        public Moments Moments(double[] low, int[] width, double[] mean)
        {
            var moments = new Moments(counts.Length);
            for (int i = 0, index = 0; i < k; i++)
            {
                for (var j = i; j < k; j++, index++)
                {
                    var table = counts[index];
                    for (var a = 0; a < width[i]; a++)
                    {
                        var x = low[i] + a - mean[i];
                        for (var b = 0; b < width[j]; b++)
                        {
                            var n = table[a * width[j] + b];
                            if (n == 0)
                            {
                                continue;
                            }
                            var y = low[j] + b - mean[j];
                            moments.Add(index, n, x, y);
                            if (low[i] + a == low[j] + b)
                            {
                                moments.AddEqual(index, n);
                            }
                        }
                    }
                }
            }
            return moments;
        }
    }

    /// <summary>Per pair of columns: n and the sums of x, y, x², y², xy over the rows where both are present.</summary>
    private sealed class Moments(int pairs)
    {
        private readonly double[] n = new double[pairs];
        private readonly double[] x = new double[pairs];
        private readonly double[] y = new double[pairs];
        private readonly double[] xx = new double[pairs];
        private readonly double[] yy = new double[pairs];
        private readonly double[] xy = new double[pairs];
        private readonly double[] equal = new double[pairs];

        public void AddEqual(int pair, double count) => equal[pair] += count;

        public void Add(int pair, double count, double xi, double yi)
        {
            n[pair] += count;
            x[pair] += count * xi;
            y[pair] += count * yi;
            xx[pair] += count * xi * xi;
            yy[pair] += count * yi * yi;
            xy[pair] += count * xi * yi;
        }

        public static Moments Sum(
            IReadOnlyList<ReadOnlyMemory<float>> columns,
            double[] shift,
            int from,
            int to
        )
        {
            var k = columns.Count;
            var moments = new Moments(k * (k + 1) / 2);
            var (arrays, offsets) = Arrays(columns);
            Span<double> value = stackalloc double[k];
            Span<bool> present = stackalloc bool[k];
            for (var row = from; row < to; row++)
            {
                for (var c = 0; c < k; c++)
                {
                    var v = arrays[c][offsets[c] + row];
                    present[c] = float.IsFinite(v);
                    value[c] = present[c] ? v - shift[c] : 0;
                }
                for (int i = 0, index = 0; i < k; i++)
                {
                    for (var j = i; j < k; j++, index++)
                    {
                        if (present[i] && present[j])
                        {
                            moments.Add(index, 1, value[i], value[j]);
                            if (arrays[i][offsets[i] + row] == arrays[j][offsets[j] + row])
                            {
                                moments.AddEqual(index, 1);
                            }
                        }
                    }
                }
            }
            return moments;
        }

        public void Add(Moments other)
        {
            for (var p = 0; p < n.Length; p++)
            {
                n[p] += other.n[p];
                x[p] += other.x[p];
                y[p] += other.y[p];
                xx[p] += other.xx[p];
                yy[p] += other.yy[p];
                xy[p] += other.xy[p];
                equal[p] += other.equal[p];
            }
        }

        public CorrelationMatrix Matrix(int k)
        {
            var r = Statistics.Matrix.Create(k, k);
            var counts = new int[k][];
            var equals = new int[k][];
            for (var i = 0; i < k; i++)
            {
                counts[i] = new int[k];
                equals[i] = new int[k];
            }
            for (int i = 0, index = 0; i < k; i++)
            {
                for (var j = i; j < k; j++, index++)
                {
                    var count = n[index];
                    var cxx = xx[index] - x[index] * x[index] / count;
                    var cyy = yy[index] - y[index] * y[index] / count;
                    var cxy = xy[index] - x[index] * y[index] / count;
                    var value =
                        count >= 2 && cxx > 0 && cyy > 0
                            ? Math.Clamp(cxy / Math.Sqrt(cxx * cyy), -1, 1)
                            : double.NaN;
                    r[i][j] = r[j][i] = i == j && !double.IsNaN(value) ? 1 : value;
                    counts[i][j] = counts[j][i] = (int)count;
                    equals[i][j] = equals[j][i] = (int)equal[index];
                }
            }
            return new CorrelationMatrix(r, counts) { Equal = equals };
        }
    }
}
