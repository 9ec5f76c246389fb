using System;

namespace SurveyKit.Analysis.Data;

/// <summary>A growable array of one column's values: the table is column-wise so that statistics run over spans.</summary>
public sealed class Column<T>
{
    private T[] values = new T[1024];

    /// <summary>The number of values.</summary>
    public int Count { get; private set; }

    /// <summary>The values.</summary>
    public ReadOnlySpan<T> Span => values.AsSpan(0, Count);

    /// <summary>The values, to keep beyond a method (a span cannot be).</summary>
    public ReadOnlyMemory<T> Memory => values.AsMemory(0, Count);

    /// <summary>The value at <paramref name="index"/>.</summary>
    public T this[int index] => values[index];

    /// <summary>Appends a value.</summary>
    public void Add(T value)
    {
        if (Count == values.Length)
        {
            Array.Resize(ref values, values.Length * 2);
        }
        values[Count++] = value;
    }

    /// <summary>Appends values.</summary>
    public void AddRange(ReadOnlySpan<T> added)
    {
        EnsureCapacity(Count + added.Length);
        added.CopyTo(values.AsSpan(Count));
        Count += added.Length;
    }

    /// <summary>Makes room for <paramref name="capacity"/> values, so that a large file is not copied while it grows.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > values.Length)
        {
            Array.Resize(ref values, Math.Max(capacity, values.Length * 2));
        }
    }
}
