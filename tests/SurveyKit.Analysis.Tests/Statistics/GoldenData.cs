using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

/// <summary>Reads R's golden datasets (written by write.csv) copied beside the test assembly.</summary>
internal sealed class GoldenData
{
    private readonly Dictionary<string, double[]> _columns;

    private GoldenData(Dictionary<string, double[]> columns) => _columns = columns;

    public double[] this[string name] => _columns[name];

    /// <summary>Loads a CSV; the unnamed first column of swiss and mtcars (row names) is skipped.</summary>
    public static GoldenData Load(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "golden", fileName);
        string[] lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        string[] header = Split(lines[0]);
        int first = header[0].Length == 0 ? 1 : 0;
        var values = new List<double>[header.Length];
        for (int c = first; c < header.Length; c++)
        {
            values[c] = [];
        }

        foreach (string line in lines.Skip(1))
        {
            string[] fields = Split(line);
            Assert.Equal(header.Length, fields.Length);
            for (int c = first; c < header.Length; c++)
            {
                values[c]
                    .Add(double.Parse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int c = first; c < header.Length; c++)
        {
            columns[header[c]] = values[c].ToArray();
        }

        return new GoldenData(columns);
    }

    /// <summary>Predictor/outcome correlations of <paramref name="outcome"/> on <paramref name="predictors"/>.</summary>
    public PredictorCorrelations Correlations(string outcome, params string[] predictors)
    {
        var columns = predictors.Select(p => this[p]).Append(this[outcome]).ToArray();
        CorrelationMatrix matrix = Correlation.Compute(columns);
        return PredictorCorrelations.FromMatrix(matrix.R, predictors.Length);
    }

    // write.csv quotes strings and never embeds commas in these files' numbers; names are quoted.
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
