using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SurveyKit.Analysis.Spss;

/// <summary>
/// Writes an SPSS system file (.sav) as PSPP's documentation of the format describes it: the file header, a variable
/// record per 8-byte segment (very long strings split into 255-byte segments), value labels, the machine, display,
/// long-name, very-long-string and UTF-8 encoding records, then the cases, bytecode-compressed. Little-endian, IEEE
/// doubles, system-missing = -DBL_MAX. No .NET library for .sav is served here; PSPP and R's haven read what this writes
/// in the tests.
/// </summary>
public sealed class SavWriter : IDisposable
{
    private const double SystemMissing = -double.MaxValue;
    private const int MaxLongName = 64;
    private readonly BinaryWriter output;
    private readonly IReadOnlyList<SavVariable> variables;
    private readonly int[][] segmentWidths; // per variable: the widths of its segments (one 0 for a number)
    private readonly byte[] commands = new byte[8];
    private readonly MemoryStream block = new();
    private int commandCount;

    /// <summary>Starts the file: everything up to the data. <paramref name="cases"/> may be -1 (unknown).</summary>
    public SavWriter(
        Stream stream,
        IReadOnlyList<SavVariable> variables,
        string fileLabel,
        long cases,
        int? weightVariable = null
    )
    {
        output = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        this.variables = variables;
        segmentWidths = variables.Select(v => Segments(v.Width)).ToArray();
        var names = Names(variables);
        var shortNames = ShortNames(segmentWidths);
        var units = segmentWidths.Sum(s => s.Sum(UnitsOf));
        var weightIndex = 0;
        if (weightVariable is { } weight)
        {
            weightIndex = 1 + segmentWidths.Take(weight).Sum(s => s.Sum(UnitsOf));
        }
        Header(fileLabel, units, cases, weightIndex);
        for (var v = 0; v < variables.Count; v++)
        {
            for (var s = 0; s < segmentWidths[v].Length; s++)
            {
                VariableRecord(variables[v], segmentWidths[v][s], shortNames[v][s], s == 0);
            }
        }
        for (var v = 0; v < variables.Count; v++)
        {
            if (!variables[v].IsString && variables[v].ValueLabels.Count > 0)
            {
                ValueLabels(variables[v], 1 + segmentWidths.Take(v).Sum(s => s.Sum(UnitsOf)));
            }
        }
        MachineRecords();
        DisplayRecord();
        Extension(
            13,
            1,
            Encoding.UTF8.GetBytes(
                string.Join('\t', variables.Select((_, v) => shortNames[v][0] + "=" + names[v]))
            )
        );
        var veryLong = variables
            .Select((variable, v) => (variable, v))
            .Where(x => x.variable.Width > 255)
            .Select(x =>
                shortNames[x.v][0]
                + "="
                + x.variable.Width.ToString("D5", CultureInfo.InvariantCulture)
                + "\0\t"
            )
            .ToList();
        if (veryLong.Count > 0)
        {
            Extension(14, 1, Encoding.UTF8.GetBytes(string.Concat(veryLong)));
        }
        Extension(20, 1, Encoding.ASCII.GetBytes("UTF-8"));
        output.Write(999);
        output.Write(0);
    }

    /// <summary>
    /// One case: <paramref name="numbers"/>[v] for a numeric variable (NaN: not answered, system-missing) and
    /// <paramref name="strings"/>[v] for a string variable (null: empty); UTF-8 beyond the width is cut at a character.
    /// </summary>
    public void WriteCase(ReadOnlySpan<double> numbers, IReadOnlyList<string?> strings)
    {
        for (var v = 0; v < variables.Count; v++)
        {
            if (!variables[v].IsString)
            {
                var value = numbers[v];
                if (double.IsNaN(value))
                {
                    Command(255);
                }
                else if (value == Math.Floor(value) && value is >= -99 and <= 151)
                {
                    Command((byte)(value + 100));
                }
                else
                {
                    Raw(BitConverter.GetBytes(value));
                }
                continue;
            }
            var bytes = Fit(strings[v] ?? "", variables[v].Width);
            var offset = 0;
            foreach (var width in segmentWidths[v])
            {
                // Each segment holds 255 bytes of the string (the last the rest) in its allocated 8-byte units.
                var take = Math.Min(Math.Min(255, width), Math.Max(0, bytes.Length - offset));
                var allocated = UnitsOf(width) * 8;
                for (var unit = 0; unit < allocated; unit += 8)
                {
                    var chunk = new byte[8];
                    Array.Fill(chunk, (byte)' ');
                    var from = offset + unit;
                    var count = Math.Clamp(offset + take - from, 0, 8);
                    if (count > 0)
                    {
                        Array.Copy(bytes, from, chunk, 0, count);
                    }
                    if (chunk.All(b => b == (byte)' '))
                    {
                        Command(254);
                    }
                    else
                    {
                        Raw(chunk);
                    }
                }
                offset += take;
            }
        }
    }

    /// <summary>Ends the data and flushes.</summary>
    public void Dispose()
    {
        if (commandCount > 0)
        {
            FlushBlock();
        }
        output.Flush();
        output.Dispose();
        block.Dispose();
    }

    private void Command(byte command)
    {
        commands[commandCount++] = command;
        if (commandCount == 8)
        {
            FlushBlock();
        }
    }

    private void Raw(byte[] eight)
    {
        block.Write(eight, 0, 8);
        Command(253);
    }

    private void FlushBlock()
    {
        for (var i = commandCount; i < 8; i++)
        {
            commands[i] = 0; // padding, ignored by readers
        }
        output.Write(commands);
        output.Write(block.GetBuffer(), 0, (int)block.Length);
        block.SetLength(0);
        commandCount = 0;
    }

    // n = (w + 251) / 252 segments; all but the last 255 wide, the last w - (n - 1) * 252.
    private static int[] Segments(int width)
    {
        if (width <= 255)
        {
            return [width];
        }
        var n = (width + 251) / 252;
        var segments = new int[n];
        Array.Fill(segments, 255);
        segments[^1] = width - (n - 1) * 252;
        return segments;
    }

    private static int UnitsOf(int width) => width == 0 ? 1 : (width + 7) / 8;

    private void Header(string fileLabel, int units, long cases, int weightIndex)
    {
        output.Write(Encoding.ASCII.GetBytes("$FL2"));
        output.Write(Padded("@(#) SPSS DATA FILE SurveyKit", 60));
        output.Write(2); // layout code
        output.Write(units);
        output.Write(1); // bytecode compression
        output.Write(weightIndex);
        output.Write((int)Math.Clamp(cases, -1, int.MaxValue));
        output.Write(100.0); // compression bias
        var now = DateTime.UtcNow;
        output.Write(
            Encoding.ASCII.GetBytes(now.ToString("dd MMM yy", CultureInfo.InvariantCulture))
        );
        output.Write(
            Encoding.ASCII.GetBytes(now.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
        );
        output.Write(Padded(fileLabel, 64));
        output.Write(new byte[3]);
    }

    private void VariableRecord(SavVariable variable, int width, string shortName, bool first)
    {
        var label = first ? Cut(variable.Label, 255) : [];
        var missing = first && !variable.IsString ? variable.MissingValues.Take(3).ToList() : [];
        output.Write(2);
        output.Write(width);
        output.Write(label.Length > 0 ? 1 : 0);
        output.Write(missing.Count);
        var format =
            variable.IsString ? (1 << 16) | (Math.Min(width, 255) << 8)
            : variable.DateTime ? (22 << 16) | (20 << 8)
            : (5 << 16) | (Math.Max(8, 3 + variable.Decimals + 2) << 8) | variable.Decimals;
        output.Write(format);
        output.Write(format);
        output.Write(Padded(shortName, 8));
        if (label.Length > 0)
        {
            output.Write(label.Length);
            output.Write(label);
            output.Write(new byte[(4 - label.Length % 4) % 4]);
        }
        foreach (var value in missing)
        {
            output.Write(value);
        }
        for (var unit = 1; unit < UnitsOf(width); unit++)
        {
            output.Write(2);
            output.Write(-1);
            output.Write(0);
            output.Write(0);
            output.Write(0);
            output.Write(0);
            output.Write(Padded("", 8));
        }
    }

    private void ValueLabels(SavVariable variable, int dictionaryIndex)
    {
        output.Write(3);
        output.Write(variable.ValueLabels.Count);
        foreach (var (value, text) in variable.ValueLabels)
        {
            output.Write(value);
            var label = Cut(text, 120);
            output.Write((byte)label.Length);
            output.Write(label);
            output.Write(new byte[(8 - (1 + label.Length) % 8) % 8]);
        }
        output.Write(4);
        output.Write(1);
        output.Write(dictionaryIndex);
    }

    private void MachineRecords()
    {
        // Version 1.0.0, machine code -1, IEEE 754, compression 1, little-endian, UTF-8 (code page 65001).
        var integers = new[] { 1, 0, 0, -1, 1, 1, 2, 65001 };
        var bytes = new byte[integers.Length * 4];
        for (var i = 0; i < integers.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), integers[i]);
        }
        Extension(3, 4, bytes);
        var floats = new[]
        {
            SystemMissing,
            double.MaxValue,
            BitConverter.Int64BitsToDouble(unchecked((long)0xffeffffffffffffeUL)),
        };
        Extension(4, 8, floats.SelectMany(BitConverter.GetBytes).ToArray());
    }

    // Measure, display width and alignment for every variable record (each segment of a very long string too).
    private void DisplayRecord()
    {
        var values = new List<int>();
        for (var v = 0; v < variables.Count; v++)
        {
            foreach (var width in segmentWidths[v])
            {
                values.Add((int)variables[v].Measure);
                values.Add(variables[v].IsString ? Math.Clamp(width, 1, 40) : 8);
                values.Add(variables[v].IsString ? 0 : 1);
            }
        }
        var bytes = new byte[values.Count * 4];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }
        Extension(11, 4, bytes);
    }

    private void Extension(int subtype, int size, byte[] data)
    {
        output.Write(7);
        output.Write(subtype);
        output.Write(size);
        output.Write(data.Length / size);
        output.Write(data);
    }

    // Long names: valid, at most 64 bytes, unique without regard to case (SPSS compares names that way).
    private static string[] Names(IReadOnlyList<SavVariable> variables)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new string[variables.Count];
        for (var v = 0; v < variables.Count; v++)
        {
            var name = new string(
                variables[v]
                    .Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? c : '_')
                    .ToArray()
            );
            if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
            {
                name = "v" + name;
            }
            name = name.TrimEnd('.', '_');
            name = name.Length > MaxLongName ? name[..MaxLongName] : name;
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++)
            {
                var suffix = "_" + i.ToString(CultureInfo.InvariantCulture);
                candidate = name[..Math.Min(name.Length, MaxLongName - suffix.Length)] + suffix;
            }
            names[v] = candidate;
        }
        return names;
    }

    // Short names, unique, of at most 8 bytes: V1, V2, ... and for the further segments of a very long string S1, S2, ...
    private static string[][] ShortNames(int[][] segments)
    {
        var extra = 0;
        return segments
            .Select(
                (s, v) =>
                    s.Select(
                            (_, i) =>
                                i == 0
                                    ? "V" + (v + 1).ToString(CultureInfo.InvariantCulture)
                                    : "S" + (++extra).ToString(CultureInfo.InvariantCulture)
                        )
                        .ToArray()
            )
            .ToArray();
    }

    private static byte[] Padded(string text, int length)
    {
        var bytes = Cut(text, length);
        var padded = new byte[length];
        Array.Fill(padded, (byte)' ');
        Array.Copy(bytes, padded, bytes.Length);
        return padded;
    }

    /// <summary>The UTF-8 of <paramref name="text"/>, cut to <paramref name="max"/> bytes at a character boundary.</summary>
    internal static byte[] Cut(string text, int max) => Fit(text, max);

    private static byte[] Fit(string text, int max)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= max)
        {
            return bytes;
        }
        var end = max;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80)
        {
            end--; // not inside a character
        }
        return bytes[..end];
    }
}
