using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// The response ids read so far, to find repeats ("the first one counts"). An open-addressing table of the ids
/// themselves, probed linearly, so an insert costs one cache miss instead of a <c>HashSet</c>'s two (this runs for
/// every response on the one thread that keeps the file's order: 6% of reading a million). The hash is keyed with
/// random numbers made at start-up: <see cref="Guid.GetHashCode"/> is a plain XOR of the id's four words, so a file of
/// ids made to collide (any UUID is accepted) would have turned each insert into a walk over all earlier ones.
/// </summary>
internal sealed class GuidSet
{
    private static readonly ulong Key1 = RandomKey() | 1;
    private static readonly ulong Key2 = RandomKey() | 1;

    private Guid[] slots = new Guid[16];
    private bool[] used = new bool[16];
    private int count;

    /// <summary>How many ids the set holds.</summary>
    public int Count => count;

    /// <summary>Makes room for <paramref name="capacity"/> ids without growing.</summary>
    public void EnsureCapacity(int capacity)
    {
        var size = slots.Length;
        while (size / 2 < capacity && size < (1 << 30))
        {
            size *= 2;
        }
        if (size > slots.Length)
        {
            Resize(size);
        }
    }

    /// <summary>Adds <paramref name="id"/>; false when it was there already.</summary>
    public bool Add(Guid id)
    {
        if (count >= slots.Length / 2)
        {
            Resize(slots.Length * 2);
        }
        var mask = slots.Length - 1;
        var i = Slot(id, mask);
        while (used[i])
        {
            if (slots[i] == id)
            {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        slots[i] = id;
        count++;
        return true;
    }

    private void Resize(int size)
    {
        var (oldSlots, oldUsed) = (slots, used);
        slots = new Guid[size];
        used = new bool[size];
        var mask = size - 1;
        for (var j = 0; j < oldSlots.Length; j++)
        {
            if (!oldUsed[j])
            {
                continue;
            }
            var i = Slot(oldSlots[j], mask);
            while (used[i])
            {
                i = (i + 1) & mask;
            }
            used[i] = true;
            slots[i] = oldSlots[j];
        }
    }

    // Each word goes through a full 64-bit mix (murmur3's finalizer, every input bit reaching every output bit) with a
    // key of its own: a multiply alone carries bits only upward, so ids that differ only in their top bits would
    // share their low bits, and so their slots.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(Guid id, int mask)
    {
        var words = MemoryMarshal.Cast<Guid, ulong>(MemoryMarshal.CreateReadOnlySpan(ref id, 1));
        var h = Mix(words[0] ^ Key1);
        h = Mix(h ^ words[1] ^ Key2);
        return (int)h & mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    private static ulong RandomKey()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }
}
