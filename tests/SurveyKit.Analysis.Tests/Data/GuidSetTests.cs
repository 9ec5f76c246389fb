using System;
using System.Diagnostics;
using System.Linq;
using SurveyKit.Analysis.Data;

namespace SurveyKit.Analysis.Tests.Data;

/// <summary>The set of response ids read so far: "the first one counts", in bounded time whatever ids a file holds.</summary>
public class GuidSetTests
{
    [Fact]
    public void Says_which_ids_were_seen_before_across_growth()
    {
        var set = new GuidSet();
        var ids = Enumerable.Range(0, 50_000).Select(_ => Guid.NewGuid()).ToArray();
        Assert.All(ids, id => Assert.True(set.Add(id)));
        Assert.All(ids, id => Assert.False(set.Add(id)));
        Assert.Equal(ids.Length, set.Count);
        Assert.True(set.Add(Guid.Empty));
        Assert.False(set.Add(Guid.Empty));
        var sized = new GuidSet();
        sized.EnsureCapacity(1_000);
        Assert.True(sized.Add(ids[0]));
        Assert.False(sized.Add(ids[0]));
        Assert.True(sized.Add(ids[1]));
    }

    [Fact]
    public void Ids_made_to_collide_cost_no_more_than_random_ones()
    {
        // Guid.GetHashCode is the XOR of the id's four 32-bit words: equal first and second words cancel, so all of
        // these have one hash code (HashSet<Guid> would compare each new id with every earlier one: minutes).
        var colliding = Enumerable
            .Range(1, 300_000)
            .Select(i =>
            {
                var bytes = new byte[16];
                BitConverter.GetBytes(i).CopyTo(bytes, 0);
                BitConverter.GetBytes(i).CopyTo(bytes, 4);
                return new Guid(bytes);
            })
            .ToArray();
        Assert.Single(colliding.Select(g => g.GetHashCode()).Distinct());
        var random = Enumerable.Range(0, 300_000).Select(_ => Guid.NewGuid()).ToArray();
        var (collidingTime, randomTime) = (Time(colliding), Time(random));
        Assert.True(
            collidingTime < randomTime * 5 + TimeSpan.FromMilliseconds(200),
            $"colliding ids took {collidingTime.TotalMilliseconds:0} ms, random ones {randomTime.TotalMilliseconds:0} ms"
        );
    }

    [Fact]
    public void Ids_that_differ_only_in_their_top_bits_cost_no_more_than_random_ones()
    {
        // A multiply carries bits only upward: with a multiply-only hash, ids that differ only in the top nine bits of
        // each 64-bit half (bytes 6-7 and 14-15) share 512 hash values among 262,144 ids.
        var ids = new Guid[512 * 512];
        for (var x = 0; x < 512; x++)
        {
            for (var y = 0; y < 512; y++)
            {
                var bytes = new byte[16];
                bytes[7] = (byte)x;
                bytes[6] = (byte)((x >> 8) << 7);
                bytes[15] = (byte)y;
                bytes[14] = (byte)((y >> 8) << 7);
                ids[x * 512 + y] = new Guid(bytes);
            }
        }
        Assert.Equal(ids.Length, ids.Distinct().Count());
        var random = Enumerable.Range(0, ids.Length).Select(_ => Guid.NewGuid()).ToArray();
        var (craftedTime, randomTime) = (Time(ids), Time(random));
        Assert.True(
            craftedTime < randomTime * 5 + TimeSpan.FromMilliseconds(200),
            $"crafted ids took {craftedTime.TotalMilliseconds:0} ms, random ones {randomTime.TotalMilliseconds:0} ms"
        );
    }

    private static TimeSpan Time(Guid[] ids)
    {
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var set = new GuidSet();
            var clock = Stopwatch.StartNew();
            foreach (var id in ids)
            {
                Assert.True(set.Add(id));
            }
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }
        return best;
    }
}
